package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import ai.hrflow.webhook.processor.internal.model.HandlerMethod;

/** A handler takes exactly one parameter: the event. */
final class SingleParameterRule extends MethodRule {

  @Override
  void check(HandlerInterface handlers, HandlerMethod method, Reporter reporter) {
    int count = method.parameterTypes().size();
    if (count != 1) {
      reporter.error(
          method.element(),
          "Handler method "
              + method.signature()
              + MethodRule.inheritance(handlers, method)
              + " must take exactly one parameter, the event ("
              + ParameterTypeRule.expectedTypes(method)
              + "); it takes "
              + count
              + ".");
    }
  }
}
