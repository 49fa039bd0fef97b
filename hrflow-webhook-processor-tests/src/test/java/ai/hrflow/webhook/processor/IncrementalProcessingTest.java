package ai.hrflow.webhook.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * The processor declares itself aggregating to Gradle (its ServiceLoader list of dispatcher factories
 * gathers every public interface of a module) and ties each generated file to the interfaces it
 * comes from: a dispatcher to its interface alone, the list to the public ones.
 */
class IncrementalProcessingTest {

  @Test
  void declaresItselfAnAggregatingProcessorToGradle() throws IOException {
    try (InputStream in =
        HrFlowWebhookProcessor.class.getClassLoader().getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertEquals(
          "ai.hrflow.webhook.processor.HrFlowWebhookProcessor,aggregating",
          new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    }
  }

  @Test
  void everyGeneratedFileHasTheInterfacesItComesFromAsOrigins() {
    FilerSpy spy = new FilerSpy();
    Compilation compilation =
        javac()
            .withProcessors(spy)
            .compile(
                Compilations.hooks("  void onProfileParsingSuccess(ProfilePayload event);"),
                Compilations.source(
                    "Other",
                    "package test;",
                    "@ai.hrflow.webhook.HrFlowWebhook",
                    "interface Other { void onJobParsingError(ai.hrflow.webhook.runtime.WebhookEvent event); }"));
    assertThat(compilation).succeeded();
    assertEquals(
        Map.of(
            "test.HooksDispatcher", List.of("test.Hooks"),
            "test.OtherDispatcher", List.of("test.Other"),
            // Other is package-private: its dispatcher has no factory (a service provider must be public)
            "META-INF/services/ai.hrflow.webhook.runtime.WebhookDispatcherFactory", List.of("test.Hooks")),
        spy.origins);
  }

  /** Runs the real processor with a Filer that records the originating elements of each file. */
  private static final class FilerSpy extends AbstractProcessor {
    private final HrFlowWebhookProcessor delegate = new HrFlowWebhookProcessor();
    final Map<String, List<String>> origins = new TreeMap<>();

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
      Filer filer = environment.getFiler();
      Filer recording =
          (Filer)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Filer.class},
                  (proxy, method, args) -> {
                    boolean source = method.getName().equals("createSourceFile");
                    if (source || method.getName().equals("createResource")) {
                      List<String> names = new ArrayList<>();
                      for (Element origin : (Element[]) args[source ? 1 : 3]) {
                        names.add(((TypeElement) origin).getQualifiedName().toString());
                      }
                      origins.put(source ? args[0].toString() : args[2].toString(), names);
                    }
                    return invoke(method, filer, args);
                  });
      delegate.init(
          (ProcessingEnvironment)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {ProcessingEnvironment.class},
                  (proxy, method, args) -> method.getName().equals("getFiler") ? recording : invoke(method, environment, args)));
      super.init(environment);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }
}
