package ai.hrflow.webhook.processor.internal.validate;

import ai.hrflow.webhook.OnEvent;
import ai.hrflow.webhook.catalog.internal.NearestTypes;
import ai.hrflow.webhook.processor.internal.model.HandlerInterface;
import ai.hrflow.webhook.processor.internal.model.HandlerMethod;
import java.util.List;
import java.util.Optional;

/**
 * Every handler is bound to an event type: by {@code @OnEvent}, or by a name that maps to a catalog
 * type. A misspelt name gets the nearest catalog names as suggestions; an {@code @OnEvent} type one
 * or two edits from a catalog type gets a warning, since HrFlow would never send it.
 */
final class EventTypeRule extends MethodRule {

  @Override
  void check(HandlerInterface handlers, HandlerMethod method, Reporter reporter) {
    if (method.onEvent().isPresent()) {
      checkExplicitType(method, reporter);
    } else if (method.catalogEntry().isEmpty()) {
      reporter.error(method.element(), unknownNameMessage(handlers, method));
    }
  }

  private static void checkExplicitType(HandlerMethod method, Reporter reporter) {
    String type = method.eventType().orElse("");
    Optional<String> typoOf = OnEvent.ANY.equals(type) ? Optional.empty() : NearestTypes.typoOfType(type);
    if (typoOf.isPresent() && method.catalogEntry().isEmpty()) {
      reporter.warning(
          method.element(),
          method.onEvent().orElseThrow(),
          "@OnEvent(\""
              + type
              + "\") on "
              + method.name()
              + " is not in the HrFlow event catalog, and looks like a misspelling of \""
              + typoOf.get()
              + "\", which HrFlow sends. Write @OnEvent(\""
              + typoOf.get()
              + "\"); if \""
              + type
              + "\" is a type of your own, add @SuppressWarnings(\""
              + Reporter.SUPPRESSION
              + "\") to the method.");
    }
    if (type.isBlank() || !type.equals(type.strip()) || type.chars().anyMatch(Character::isWhitespace)) {
      reporter.error(
          method.element(),
          method.onEvent().orElseThrow(),
          "@OnEvent(\""
              + type
              + "\") on "
              + method.name()
              + " is not an event type: give the type exactly as HrFlow sends it, such as"
              + " \"profile.parsing.success\", or \""
              + OnEvent.ANY
              + "\" for the fallback method.");
    }
  }

  private static String unknownNameMessage(HandlerInterface handlers, HandlerMethod method) {
    StringBuilder message = new StringBuilder("Handler method ").append(method.name());
    message.append(MethodRule.inheritance(handlers, method));
    if (method.eventType().isPresent()) {
      message
          .append(" implies the event type \"")
          .append(method.eventType().get())
          .append("\", which is not in the HrFlow event catalog.");
    } else {
      message.append(
          " does not name an event type: handler names are \"on\" followed by the type's words,"
              + " such as onProfileParsingSuccess for profile.parsing.success.");
    }
    List<String> suggestions = NearestTypes.toHandlerName(method.name());
    if (!suggestions.isEmpty()) {
      message.append(" Did you mean ").append(String.join(" or ", suggestions)).append('?');
    }
    if (NearestTypes.typoOfHandlerName(method.name()).isPresent()) {
      return message.toString(); // a misspelling: binding it to the misspelt type would be wrong advice
    }
    message
        .append(" To handle a type the catalog does not list, annotate the method with @OnEvent(\"")
        .append(method.eventType().orElse("object.stage.status"))
        .append("\").");
    return message.toString();
  }
}
