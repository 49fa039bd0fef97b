package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import ai.hrflow.webhook.processor.internal.model.HandlerMethod;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeParameterElement;

/** Neither the interface nor a handler method may declare type parameters. */
final class NotGenericRule implements Rule {

  @Override
  public void check(HandlerInterface handlers, Reporter reporter) {
    if (!handlers.element().getTypeParameters().isEmpty()) {
      reporter.error(
          handlers.element(),
          "@HrFlowWebhook interface "
              + handlers.element().getSimpleName()
              + " must not be generic: its dispatcher binds every method to one concrete event type."
              + " Remove the type parameters "
              + typeParameters(handlers.element().getTypeParameters())
              + ", or declare a non-generic sub-interface and annotate that one.");
    }
    for (HandlerMethod method : handlers.handlers()) {
      if (!method.element().getTypeParameters().isEmpty()) {
        reporter.error(
            method.element(),
            "Handler method "
                + method.name()
                + " must not be generic"
                + MethodRule.inheritance(handlers, method)
                + ": the dispatcher calls it with one concrete event type. Remove the type parameters "
                + typeParameters(method.element().getTypeParameters())
                + ".");
      }
    }
  }

  private static String typeParameters(List<? extends TypeParameterElement> parameters) {
    return parameters.stream().map(parameter -> parameter.getSimpleName().toString()).collect(Collectors.joining(", ", "<", ">"));
  }
}
