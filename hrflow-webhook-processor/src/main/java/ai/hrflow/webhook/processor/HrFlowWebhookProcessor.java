package ai.hrflow.webhook.processor;

import ai.hrflow.webhook.HrFlowWebhook;
import ai.hrflow.webhook.catalog.internal.PayloadSchema;
import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import ai.hrflow.webhook.processor.internal.model.HandlerInterfaceReader;
import ai.hrflow.webhook.processor.internal.model.RecordBinding;
import ai.hrflow.webhook.processor.internal.model.RecordBindingReader;
import ai.hrflow.webhook.processor.internal.model.RuntimeNames;
import ai.hrflow.webhook.processor.internal.model.RuntimeTypes;
import ai.hrflow.webhook.processor.internal.validate.HandlerInterfaceValidator;
import ai.hrflow.webhook.processor.internal.validate.RecordBindingValidator;
import ai.hrflow.webhook.processor.internal.validate.Reporter;
import ai.hrflow.webhook.processor.internal.write.BinderWriter;
import ai.hrflow.webhook.processor.internal.write.DispatcherWriter;
import ai.hrflow.webhook.processor.internal.write.EventTypesWriter;
import ai.hrflow.webhook.processor.internal.write.PayloadRecordWriter;
import ai.hrflow.webhook.processor.internal.write.SourceFileWriter;
import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates a dispatcher for every {@code @HrFlowWebhook} interface, and, in the runtime's own build,
 * the payload records and {@code EventTypes} constants from the event catalog.
 *
 * <p>Each interface goes through three stages kept apart: {@link HandlerInterfaceReader} reads it
 * into a model, {@link HandlerInterfaceValidator} reports every broken rule on its element, and
 * {@link DispatcherWriter} writes code from a valid model. An interface whose parameter types do not
 * exist yet (another processor may generate them) waits for the next round.
 */
@AutoService(Processor.class)
public final class HrFlowWebhookProcessor extends AbstractProcessor {

  private static final String GENERATED = "javax.annotation.processing.Generated";

  /** The resource that lists the generated dispatcher factories for {@link java.util.ServiceLoader}. */
  private static final String FACTORY_LIST = "META-INF/services/" + RuntimeNames.qualified(RuntimeNames.DISPATCHER_FACTORY);

  /** The factories generated in this compilation (binary names), with the interface each comes from. */
  private final Map<String, TypeElement> factories = new TreeMap<>();

  /** Interfaces waiting for types that another processor may generate in a later round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  private Elements elements;
  private Reporter reporter;
  private HandlerInterfaceValidator validator;
  private SourceFileWriter sourceFiles;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    elements = processingEnv.getElementUtils();
    reporter = new Reporter(processingEnv.getMessager());
    validator = new HandlerInterfaceValidator(reporter);
    Optional<ClassName> generated =
        Optional.ofNullable(elements.getTypeElement(GENERATED)).map(ClassName::get);
    sourceFiles = new SourceFileWriter(processingEnv.getFiler(), generated, getClass().getCanonicalName());
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(HrFlowWebhook.class.getCanonicalName(), RuntimeNames.PAYLOADS_FROM_CATALOG, RuntimeNames.BINDERS_FROM_RECORDS);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement payloadsFromCatalog = elements.getTypeElement(RuntimeNames.PAYLOADS_FROM_CATALOG);
    if (payloadsFromCatalog != null) {
      for (Element annotated : round.getElementsAnnotatedWith(payloadsFromCatalog)) {
        guarded(annotated, () -> writePayloads(annotated));
      }
    }
    TypeElement bindersFromRecords = elements.getTypeElement(RuntimeNames.BINDERS_FROM_RECORDS);
    if (bindersFromRecords != null) {
      for (Element annotated : round.getElementsAnnotatedWith(bindersFromRecords)) {
        guarded(annotated, () -> writeBinders(annotated));
      }
    }
    if (round.processingOver()) {
      writeFactoryList();
    }
    List<Element> candidates = new ArrayList<>();
    for (String name : deferred) {
      candidates.add(elements.getTypeElement(name));
    }
    deferred.clear();
    candidates.addAll(round.getElementsAnnotatedWith(HrFlowWebhook.class));
    if (candidates.isEmpty()) {
      return false;
    }
    Optional<RuntimeTypes> runtime = RuntimeTypes.lookup(elements);
    for (Element candidate : candidates) {
      guarded(
          candidate,
          () -> {
            if (validator.isInterface(candidate)) {
              processInterface((TypeElement) candidate, runtime, round.processingOver());
            }
          });
    }
    return false;
  }

  /**
   * Runs the work for one element so that a bug in this processor never crashes javac: an
   * unexpected exception becomes an error on that element, which says where to report it, and the
   * other elements are still processed.
   */
  private void guarded(Element element, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException | LinkageError | AssertionError bug) {
      StringWriter trace = new StringWriter();
      bug.printStackTrace(new PrintWriter(trace));
      reporter.error(
          element,
          "The HrFlow webhook processor failed unexpectedly on "
              + element.getSimpleName()
              + ": "
              + bug
              + ". This is a bug in the processor, not in your code. Please report it on the project's issue"
              + " tracker (CONTRIBUTING.md, \"Reporting a bug\") with this message and the stack trace below.\n"
              + trace);
    }
  }

  private void processInterface(TypeElement element, Optional<RuntimeTypes> runtime, boolean lastRound) {
    if (runtime.isEmpty()) {
      reporter.error(
          element,
          "The dispatcher for "
              + element.getSimpleName()
              + " cannot be generated: hrflow-webhook-runtime is not on the compile classpath ("
              + RuntimeNames.qualified(RuntimeNames.DISPATCHER)
              + " was not found). Add the dependency ai.hrflow:hrflow-webhook-runtime to the project"
              + " that declares this interface.");
      return;
    }
    Optional<TypeMirror> unresolved = firstUnresolvedType(element);
    if (unresolved.isPresent()) {
      if (lastRound) {
        reporter.error(
            element,
            "The dispatcher for "
                + element.getSimpleName()
                + " cannot be generated: the type "
                + unresolved.get()
                + " of one of its handler methods does not exist. Fix or import it.");
      } else {
        deferred.add(element.getQualifiedName().toString());
      }
      return;
    }
    HandlerInterface handlers =
        new HandlerInterfaceReader(elements, processingEnv.getTypeUtils(), runtime.get()).read(element);
    if (validator.validate(handlers)) {
      write(handlers.packageName(), new DispatcherWriter().write(handlers), element);
      DispatcherWriter.factoryBinaryName(handlers).ifPresent(name -> factories.put(name, element));
    }
  }

  private Optional<TypeMirror> firstUnresolvedType(TypeElement element) {
    DeclaredType self = (DeclaredType) element.asType();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(element))) {
      if (method.getEnclosingElement().getKind() != ElementKind.INTERFACE) {
        continue;
      }
      ExecutableType asMember = (ExecutableType) processingEnv.getTypeUtils().asMemberOf(self, method);
      List<TypeMirror> types = new ArrayList<>(asMember.getParameterTypes());
      types.add(asMember.getReturnType());
      for (TypeMirror type : types) {
        if (type.getKind() == TypeKind.ERROR) {
          return Optional.of(type);
        }
      }
    }
    return Optional.empty();
  }

  private void writePayloads(Element annotated) {
    if (!(annotated instanceof PackageElement payloadPackage)
        || !payloadPackage.getQualifiedName().contentEquals(PayloadSchema.PAYLOAD_PACKAGE)) {
      reporter.error(
          annotated,
          "@PayloadsFromCatalog belongs on package " + PayloadSchema.PAYLOAD_PACKAGE + " in hrflow-webhook-runtime only.");
      return;
    }
    PayloadRecordWriter records = new PayloadRecordWriter();
    for (PayloadSchema schema : PayloadSchema.values()) {
      write(PayloadSchema.PAYLOAD_PACKAGE, records.write(schema), payloadPackage);
    }
    write(PayloadSchema.PAYLOAD_PACKAGE, new EventTypesWriter().write(), payloadPackage);
  }

  private void writeBinders(Element annotated) {
    if (!(annotated instanceof PackageElement recordPackage)
        || !recordPackage.getQualifiedName().contentEquals(PayloadSchema.HRJSON_PACKAGE)) {
      reporter.error(annotated, "@BindersFromRecords belongs on package " + PayloadSchema.HRJSON_PACKAGE + " in hrflow-webhook-runtime only.");
      return;
    }
    List<RecordBinding> records = new RecordBindingReader().read(recordPackage);
    if (new RecordBindingValidator(reporter).validate(records)) {
      write(RuntimeNames.BINDERS_PACKAGE, new BinderWriter().write(records), recordPackage);
    }
  }

  /**
   * Lists this compilation's dispatcher factories in {@value #FACTORY_LIST}, once, in the last round
   * (the list aggregates every interface: the processor is aggregating for Gradle's incremental
   * compilation). Nothing is written when there is none.
   */
  private void writeFactoryList() {
    if (factories.isEmpty()) {
      return;
    }
    try {
      FileObject list =
          processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", FACTORY_LIST, factories.values().toArray(Element[]::new));
      try (Writer out = list.openWriter()) {
        out.write("# Generated by " + getClass().getCanonicalName() + ": the dispatcher factories of this module's @HrFlowWebhook interfaces.\n");
        for (String name : factories.keySet()) {
          out.write(name + "\n");
        }
      }
    } catch (IOException e) {
      TypeElement first = factories.values().iterator().next();
      reporter.error(first, "Could not write " + FACTORY_LIST + ": " + e.getMessage());
    }
    factories.clear();
  }

  private void write(String packageName, TypeSpec.Builder type, Element origin) {
    try {
      sourceFiles.write(packageName, type, origin);
    } catch (IOException e) {
      reporter.error(origin, "Could not write generated source " + packageName + "." + type.build().name() + ": " + e.getMessage());
    }
  }
}
