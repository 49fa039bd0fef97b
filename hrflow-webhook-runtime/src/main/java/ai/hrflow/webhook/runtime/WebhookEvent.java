package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.decode.LenientBinding;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One decoded, verified HrFlow webhook event: its type and its whole JSON object.
 *
 * <p>Handler methods that take a {@code WebhookEvent} instead of a payload record get this untyped
 * view; {@link #bind} and {@link #text} reach any field leniently, the same way the payload records
 * are bound.
 *
 * @param type the event's {@code type} field, such as {@code profile.parsing.success}; never empty
 * @param json the event's JSON object, as sent
 */
public record WebhookEvent(String type, JsonNode json) {

  /**
   * Checks that {@code type} is a non-empty string and {@code json} an object.
   *
   * @throws IllegalArgumentException if either is missing or empty, or {@code json} is not an object
   */
  public WebhookEvent {
    if (type == null || type.isEmpty()) {
      throw new IllegalArgumentException("an event has a non-empty type");
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("an event is a JSON object");
    }
  }

  /**
   * The event in {@code json}, whose {@code type} field names its type.
   *
   * @throws IllegalArgumentException if {@code json} is not an object with a non-empty string {@code type}
   */
  public static WebhookEvent of(JsonNode json) {
    Objects.requireNonNull(json, "json");
    JsonNode type = json.get("type");
    if (type == null || !type.isTextual()) {
      throw new IllegalArgumentException("an event has a string field \"type\"");
    }
    return new WebhookEvent(type.textValue(), json);
  }

  /**
   * The first of {@code fields} present in the event, bound to {@code type} leniently: unknown
   * fields are ignored, a field of unexpected shape becomes null or an empty list, and a value that
   * cannot be bound at all gives null. Binding uses one shared reader per type.
   *
   * @param type the type to bind to, such as {@code Profile.class}
   * @param fields the field and its aliases, first match wins, such as {@code "job", "filter"}
   * @return the bound value, or null if no field is present or its value cannot be bound
   */
  public <T> T bind(Class<T> type, String... fields) {
    for (String field : fields) {
      JsonNode value = json.get(field);
      if (value != null && !value.isNull()) {
        return LenientBinding.bind(value, type);
      }
    }
    return null;
  }

  /**
   * The text of a top-level field: a string as is, a number or boolean as written.
   *
   * @return the text, or null if the field is absent, null, an object or an array
   */
  public String text(String field) {
    JsonNode value = json.get(field);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }
}
