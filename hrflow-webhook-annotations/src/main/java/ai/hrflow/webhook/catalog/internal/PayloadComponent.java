package ai.hrflow.webhook.catalog.internal;

import java.util.List;
import java.util.Objects;

/**
 * One family-specific field of a payload record, such as {@code ProfilePayload.profile()}.
 *
 * @param name the record component's name
 * @param jsonNames the event's JSON fields it is bound from, the first present one wins
 * @param typeName the fully qualified name of the component's type
 * @param description what the component holds, for the generated javadoc
 */
public record PayloadComponent(String name, List<String> jsonNames, String typeName, String description) {

  /**
   * Checks the arguments and freezes {@code jsonNames}.
   *
   * @param name the record component's name
   * @param jsonNames the event's JSON fields it is bound from, the first present one wins
   * @param typeName the fully qualified name of the component's type
   * @param description what the component holds, for the generated javadoc
   */
  public PayloadComponent {
    Objects.requireNonNull(name, "name");
    jsonNames = List.copyOf(jsonNames);
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(description, "description");
    if (jsonNames.isEmpty()) {
      throw new IllegalArgumentException("a component is bound from at least one JSON field");
    }
  }
}
