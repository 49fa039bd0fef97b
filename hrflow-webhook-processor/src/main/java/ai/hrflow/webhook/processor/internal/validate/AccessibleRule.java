package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** The dispatcher lives in the interface's package, so the interface must be visible there. */
final class AccessibleRule implements Rule {

  @Override
  public void check(HandlerInterface handlers, Reporter reporter) {
    for (Element type = handlers.element(); type.getKind().isInterface() || type.getKind().isClass(); type = type.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(
            handlers.element(),
            "@HrFlowWebhook interface "
                + handlers.element().getSimpleName()
                + " is not visible to its generated dispatcher, because "
                + (type == handlers.element() ? "it" : type.getSimpleName())
                + " is private. Make it package-private or public.");
        return;
      }
    }
  }
}
