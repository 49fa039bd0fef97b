package ai.hrflow.webhook.processor.internal.model;

import ai.hrflow.webhook.OnEvent;
import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.catalog.internal.PayloadSchema;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * One method of a handler interface, as read: the event type it is bound to (if any) and how it
 * takes the event. Methods that break a rule are kept here so that the validator can report them.
 *
 * @param element the method
 * @param declaredIn the interface that declares it (the handler interface or a super-interface)
 * @param onEvent its {@code @OnEvent} annotation, if present
 * @param eventType the type it handles, from {@code @OnEvent} or its name; empty if neither gives one
 * @param catalogEntry the catalog entry of {@code eventType}, if it is in the catalog
 * @param payload the payload record of {@code eventType}'s family: from the catalog, or from the type's first word
 * @param parameterTypes its parameter types, as members of the handler interface
 * @param returnType its return type
 * @param parameterKind how it takes the event
 * @param handler false for default and static methods, which are not handlers
 */
public record HandlerMethod(
    ExecutableElement element,
    TypeElement declaredIn,
    Optional<AnnotationMirror> onEvent,
    Optional<String> eventType,
    Optional<EventType> catalogEntry,
    Optional<PayloadSchema> payload,
    List<TypeMirror> parameterTypes,
    TypeMirror returnType,
    ParameterKind parameterKind,
    boolean handler) {

  /**
   * Freezes the parameter list.
   *
   * @param element the method
   * @param declaredIn the interface that declares it (the handler interface or a super-interface)
   * @param onEvent its {@code @OnEvent} annotation, if present
   * @param eventType the type it handles, from {@code @OnEvent} or its name; empty if neither gives one
   * @param catalogEntry the catalog entry of {@code eventType}, if it is in the catalog
   * @param payload the payload record of {@code eventType}'s family: from the catalog, or from the type's first word
   * @param parameterTypes its parameter types, as members of the handler interface
   * @param returnType its return type
   * @param parameterKind how it takes the event
   * @param handler false for default and static methods, which are not handlers
   */
  public HandlerMethod {
    parameterTypes = List.copyOf(parameterTypes);
  }

  /** {@return the method's simple name} */
  public String name() {
    return element.getSimpleName().toString();
  }

  /** {@return whether this is the {@code @OnEvent("*")} method that receives every otherwise unhandled event} */
  public boolean isFallback() {
    return onEvent.isPresent() && eventType.filter(OnEvent.ANY::equals).isPresent();
  }

  /** {@return whether the method returns {@code void}} */
  public boolean returnsVoid() {
    return returnType.getKind() == TypeKind.VOID;
  }

  /** {@return the method as people write it in messages: {@code onProfileParsingSuccess(JobPayload)}} */
  public String signature() {
    StringBuilder signature = new StringBuilder(name()).append('(');
    for (int i = 0; i < parameterTypes.size(); i++) {
      signature.append(i == 0 ? "" : ", ").append(SimpleNames.of(parameterTypes.get(i)));
    }
    return signature.append(')').toString();
  }
}
