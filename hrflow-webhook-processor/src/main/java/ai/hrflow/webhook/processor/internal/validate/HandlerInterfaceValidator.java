package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.HrFlowWebhook;
import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * Checks a handler interface against every rule and reports each breach on its element, so that a
 * user sees all mistakes of a compilation at once. A validator never writes code.
 */
public final class HandlerInterfaceValidator {

  private static final List<Rule> RULES =
      List.of(
          new AccessibleRule(),
          new NotGenericRule(),
          new ConcreteMethodRule(),
          new EventTypeRule(),
          new SingleParameterRule(),
          new ParameterTypeRule(),
          new VoidReturnRule(),
          new UniqueTypeRule());

  private final Reporter reporter;

  /**
   * A validator that reports to {@code reporter}.
   */
  public HandlerInterfaceValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Checks that {@code @HrFlowWebhook} sits on an interface, which is all that can be checked before
   * reading it.
   *
   * @return whether the element is an interface
   */
  public boolean isInterface(Element annotated) {
    if (annotated.getKind() == ElementKind.INTERFACE) {
      return true;
    }
    reporter.error(
        annotated,
        "@"
            + HrFlowWebhook.class.getSimpleName()
            + " applies to interfaces only, and "
            + annotated.getSimpleName()
            + " is "
            + describe(annotated.getKind())
            + ". Declare the handlers as an interface whose abstract methods take the events, and"
            + " implement it in your class.");
    return false;
  }

  /**
   * Checks every rule on {@code handlers}.
   *
   * @return whether it broke none, so that its dispatcher can be written
   */
  public boolean validate(HandlerInterface handlers) {
    int before = reporter.errorCount();
    for (Rule rule : RULES) {
      rule.check(handlers, reporter);
    }
    if (handlers.handlers().isEmpty()) {
      reporter.warning(
          handlers.element(),
          handlers.element().getSimpleName()
              + " declares no handler methods, so its dispatcher acknowledges every event without"
              + " handling any. Add a method such as void onProfileParsingSuccess(ProfilePayload event).");
    }
    return reporter.errorCount() == before;
  }

  private static String describe(ElementKind kind) {
    switch (kind) {
      case ANNOTATION_TYPE:
        return "an annotation type";
      case ENUM:
        return "an enum";
      case RECORD:
        return "a record";
      case CLASS:
        return "a class";
      default:
        return "a " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }
}
