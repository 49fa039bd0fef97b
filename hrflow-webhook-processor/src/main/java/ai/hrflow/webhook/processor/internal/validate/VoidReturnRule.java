package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import ai.hrflow.webhook.processor.internal.model.HandlerMethod;
import ai.hrflow.webhook.processor.internal.model.SimpleNames;

/** A handler returns {@code void}: it acknowledges an event by returning and fails it by throwing. */
final class VoidReturnRule extends MethodRule {

  @Override
  void check(HandlerInterface handlers, HandlerMethod method, Reporter reporter) {
    if (!method.returnsVoid()) {
      reporter.error(
          method.element(),
          "Handler method "
              + method.name()
              + MethodRule.inheritance(handlers, method)
              + " must return void, not "
              + SimpleNames.of(method.returnType())
              + ": the dispatcher ignores results. Return normally to acknowledge the event, or throw"
              + " to have HrFlow retry it.");
    }
  }
}
