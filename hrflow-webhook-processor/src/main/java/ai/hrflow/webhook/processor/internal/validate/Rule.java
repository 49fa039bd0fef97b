package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.processor.internal.model.HandlerInterface;

/** One rule a handler interface must follow; it reports every breach on the offending element. */
interface Rule {

  /** Checks {@code handlers} and reports what breaks this rule. */
  void check(HandlerInterface handlers, Reporter reporter);
}
