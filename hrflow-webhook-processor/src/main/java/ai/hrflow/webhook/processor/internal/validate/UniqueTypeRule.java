package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import ai.hrflow.webhook.processor.internal.model.HandlerMethod;
import java.util.HashMap;
import java.util.Map;

/** Each event type, and the fallback, has at most one handler method. */
final class UniqueTypeRule implements Rule {

  @Override
  public void check(HandlerInterface handlers, Reporter reporter) {
    Map<String, HandlerMethod> firstByType = new HashMap<>();
    for (HandlerMethod method : handlers.handlers()) {
      if (method.eventType().isEmpty()) {
        continue;
      }
      HandlerMethod first = firstByType.putIfAbsent(method.eventType().get(), method);
      if (first != null) {
        reporter.error(method.element(), duplicateMessage(handlers, first, method));
      }
    }
  }

  private static String duplicateMessage(HandlerInterface handlers, HandlerMethod first, HandlerMethod second) {
    String what =
        second.isFallback()
            ? "are both @OnEvent(\"*\") fallback methods; an interface has at most one fallback."
            : "both handle " + second.eventType().orElseThrow() + "; an event type has exactly one handler method.";
    return "Handler methods "
        + first.name()
        + MethodRule.inheritance(handlers, first)
        + " and "
        + second.name()
        + MethodRule.inheritance(handlers, second)
        + " "
        + what
        + " Remove "
        + second.name()
        + ", or bind it to another type with @OnEvent.";
  }
}
