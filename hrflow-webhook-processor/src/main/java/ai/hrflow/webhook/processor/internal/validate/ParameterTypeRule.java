package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import ai.hrflow.webhook.processor.internal.model.HandlerMethod;
import ai.hrflow.webhook.processor.internal.model.ParameterKind;
import ai.hrflow.webhook.processor.internal.model.RuntimeNames;
import ai.hrflow.webhook.processor.internal.model.SimpleNames;

/**
 * A handler's one parameter is the payload record of its event type's family, or the untyped
 * {@code WebhookEvent}; the fallback and types of no known family take {@code WebhookEvent} only.
 */
final class ParameterTypeRule extends MethodRule {

  @Override
  void check(HandlerInterface handlers, HandlerMethod method, Reporter reporter) {
    if (method.parameterTypes().size() != 1 || method.parameterKind() != ParameterKind.INVALID) {
      return;
    }
    if (method.eventType().isEmpty() || (method.onEvent().isEmpty() && method.catalogEntry().isEmpty())) {
      return; // EventTypeRule reports the missing type; the expected parameter depends on it.
    }
    reporter.error(
        method.element(),
        "Handler method "
            + method.name()
            + MethodRule.inheritance(handlers, method)
            + " "
            + handles(method)
            + ", so its parameter must be "
            + expectedTypes(method)
            + ", not "
            + SimpleNames.of(method.parameterTypes().get(0))
            + ".");
  }

  private static String handles(HandlerMethod method) {
    if (method.isFallback()) {
      return "is the fallback for events of every family";
    }
    String type = method.eventType().orElseThrow();
    return method
        .payload()
        .map(payload -> "handles " + type + ", an event about " + payload.subject())
        .orElse("handles " + type + ", whose family (profile, job or action) is unknown");
  }

  /** The parameter types a method may take, as a phrase: "ProfilePayload or WebhookEvent". */
  static String expectedTypes(HandlerMethod method) {
    return method
        .payload()
        .map(payload -> payload.payloadSimpleName() + " or " + RuntimeNames.EVENT)
        .orElse(RuntimeNames.EVENT);
  }
}
