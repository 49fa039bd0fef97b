package ai.hrflow.webhook.processor.internal.model;

import ai.hrflow.webhook.OnEvent;
import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.catalog.internal.HandlerNames;
import ai.hrflow.webhook.catalog.internal.PayloadSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads an {@code @HrFlowWebhook} interface into a {@link HandlerInterface}. Reading never fails and
 * never reports: whatever is wrong stays visible in the model for the validator.
 */
public final class HandlerInterfaceReader {

  private static final Set<String> OBJECT_METHODS = Set.of("equals(java.lang.Object)", "hashCode()", "toString()");

  private final Elements elements;
  private final Types types;
  private final RuntimeTypes runtime;

  /**
   * A reader that resolves parameter types against {@code runtime}.
   */
  public HandlerInterfaceReader(Elements elements, Types types, RuntimeTypes runtime) {
    this.elements = elements;
    this.types = types;
    this.runtime = runtime;
  }

  /**
   * Reads an interface, its methods and the methods it inherits.
   */
  public HandlerInterface read(TypeElement element) {
    List<HandlerMethod> methods = new ArrayList<>();
    collectMethods(element, element, new ArrayList<>(), methods);
    return new HandlerInterface(
        element,
        elements.getPackageOf(element).getQualifiedName().toString(),
        dispatcherSimpleName(element),
        isPublicApi(element),
        methods);
  }

  /** The methods of {@code type} and its super-interfaces that {@code root} has, most specific first. */
  private void collectMethods(
      TypeElement root, TypeElement type, List<ExecutableElement> seen, List<HandlerMethod> methods) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (seen.contains(method) || isOverriddenByAny(method, seen, root) || redeclaresObjectMethod(method)) {
        continue;
      }
      boolean handler = method.getModifiers().contains(Modifier.ABSTRACT);
      boolean inherited = type != root;
      boolean staticMethod = method.getModifiers().contains(Modifier.STATIC);
      if (handler || (onEventOf(method).isPresent() && !(inherited && staticMethod))) {
        seen.add(method);
        methods.add(readMethod(root, type, method, handler));
      }
    }
    for (TypeMirror superInterface : type.getInterfaces()) {
      collectMethods(root, (TypeElement) types.asElement(superInterface), seen, methods);
    }
  }

  private boolean isOverriddenByAny(ExecutableElement method, List<ExecutableElement> seen, TypeElement root) {
    for (ExecutableElement moreSpecific : seen) {
      if (elements.overrides(moreSpecific, method, root)) {
        return true;
      }
    }
    return false;
  }

  private static boolean redeclaresObjectMethod(ExecutableElement method) {
    StringBuilder signature = new StringBuilder(method.getSimpleName()).append('(');
    for (int i = 0; i < method.getParameters().size(); i++) {
      signature.append(i == 0 ? "" : ",").append(method.getParameters().get(i).asType());
    }
    return OBJECT_METHODS.contains(signature.append(')').toString());
  }

  private HandlerMethod readMethod(TypeElement root, TypeElement declaredIn, ExecutableElement method, boolean handler) {
    ExecutableType asMember = (ExecutableType) types.asMemberOf((DeclaredType) root.asType(), method);
    Optional<AnnotationMirror> onEvent = onEventOf(method);
    Optional<String> eventType =
        onEvent.isPresent()
            ? onEvent.map(HandlerInterfaceReader::onEventValue)
            : HandlerNames.typeFor(method.getSimpleName().toString());
    Optional<EventType> catalogEntry = eventType.flatMap(EventType::of);
    Optional<PayloadSchema> payload =
        (catalogEntry.isPresent()
                ? catalogEntry.map(EventType::family)
                : eventType.filter(type -> !OnEvent.ANY.equals(type)).flatMap(PayloadSchema::familyOfTypeName))
            .map(PayloadSchema::of);
    List<TypeMirror> parameterTypes = new ArrayList<>(asMember.getParameterTypes());
    return new HandlerMethod(
        method,
        declaredIn,
        onEvent,
        eventType,
        catalogEntry,
        payload,
        parameterTypes,
        asMember.getReturnType(),
        parameterKind(parameterTypes, payload),
        handler);
  }

  private ParameterKind parameterKind(List<TypeMirror> parameterTypes, Optional<PayloadSchema> payload) {
    if (parameterTypes.size() != 1) {
      return ParameterKind.INVALID;
    }
    TypeMirror parameter = parameterTypes.get(0);
    if (types.isSameType(parameter, runtime.event().asType())) {
      return ParameterKind.EVENT;
    }
    if (payload.isPresent() && types.isSameType(parameter, runtime.payloads().get(payload.get()).asType())) {
      return ParameterKind.PAYLOAD;
    }
    return ParameterKind.INVALID;
  }

  private static Optional<AnnotationMirror> onEventOf(Element method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(OnEvent.class.getCanonicalName())) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  private static String onEventValue(AnnotationMirror onEvent) {
    for (var entry : onEvent.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        AnnotationValue value = entry.getValue();
        return value.getValue() instanceof String type ? type : "";
      }
    }
    return "";
  }

  private static String dispatcherSimpleName(TypeElement element) {
    StringBuilder name = new StringBuilder(element.getSimpleName());
    for (Element outer = element.getEnclosingElement(); isType(outer); outer = outer.getEnclosingElement()) {
      name.insert(0, outer.getSimpleName() + "_");
    }
    return name.append("Dispatcher").toString();
  }

  private static boolean isPublicApi(TypeElement element) {
    for (Element type = element; isType(type); type = type.getEnclosingElement()) {
      if (!type.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isType(Element element) {
    ElementKind kind = element.getKind();
    return kind.isClass() || kind.isInterface();
  }
}
