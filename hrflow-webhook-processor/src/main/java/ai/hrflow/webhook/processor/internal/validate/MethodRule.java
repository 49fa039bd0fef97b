package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import ai.hrflow.webhook.processor.internal.model.HandlerMethod;

/** A rule that each handler method must follow on its own. */
abstract class MethodRule implements Rule {

  @Override
  public final void check(HandlerInterface handlers, Reporter reporter) {
    for (HandlerMethod method : handlers.handlers()) {
      check(handlers, method, reporter);
    }
  }

  /** Checks one handler method of {@code handlers}. */
  abstract void check(HandlerInterface handlers, HandlerMethod method, Reporter reporter);

  /** Where a method comes from, for messages about inherited methods: empty, or " (inherited from Base)". */
  static String inheritance(HandlerInterface handlers, HandlerMethod method) {
    return method.declaredIn().equals(handlers.element())
        ? ""
        : " (inherited by " + handlers.element().getSimpleName() + " from " + method.declaredIn().getSimpleName() + ")";
  }
}
