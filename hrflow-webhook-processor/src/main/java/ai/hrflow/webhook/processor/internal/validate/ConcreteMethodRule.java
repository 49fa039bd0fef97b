package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import ai.hrflow.webhook.processor.internal.model.HandlerMethod;

/** {@code @OnEvent} on a default or static method would be ignored, so it is an error. */
final class ConcreteMethodRule implements Rule {

  @Override
  public void check(HandlerInterface handlers, Reporter reporter) {
    for (HandlerMethod method : handlers.methods()) {
      if (!method.handler()) {
        reporter.error(
            method.element(),
            method.onEvent().orElseThrow(),
            "@OnEvent on "
                + method.name()
                + " has no effect: default and static methods are not handlers. Make the method"
                + " abstract, or remove @OnEvent.");
      }
    }
  }
}
