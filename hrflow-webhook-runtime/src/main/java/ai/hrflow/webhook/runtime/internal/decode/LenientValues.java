package ai.hrflow.webhook.runtime.internal.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the values of HR-JSON fields from an event's JSON tree, leniently: a value of the expected
 * shape is converted, any other shape gives null (or an empty list or map), never an error. The
 * generated {@code HrJsonBinders} builds the HR-JSON records with these, straight from the tree that
 * decoding built, with no second parse.
 *
 * <ul>
 *   <li>text: a string as is, a number or boolean as written;
 *   <li>numbers: a JSON number, or a string holding one (at most {@value #MAX_NUMERIC_TEXT}
 *       characters: a longer string is no number HrFlow sends, and converting it costs time that
 *       grows faster than its length);
 *   <li>whole numbers: the same, when the value is whole and fits in a {@code long};
 *   <li>instants: every form of {@link DateForms}, epoch numbers, and HrFlow's date object {@code
 *       {"iso8601": ..., "timestamp": ..., "text": ...}};
 *   <li>lists: an array, its elements of the wrong shape dropped; maps: an object's scalar values as
 *       text.
 * </ul>
 */
public final class LenientValues {

  /** The longest text taken for a number: a long has 19 digits, a double's shortest form about 24 characters. */
  public static final int MAX_NUMERIC_TEXT = 32;

  private LenientValues() {}

  /** {@return {@code value} if present and not JSON null, else {@code alias} if that is, else null} */
  public static JsonNode first(JsonNode value, JsonNode alias) {
    return isPresent(value) ? value : isPresent(alias) ? alias : null;
  }

  /** {@return the first of {@code values} present and not JSON null, or null: a field, then its aliases} */
  public static JsonNode first(JsonNode... values) {
    for (JsonNode value : values) {
      if (isPresent(value)) {
        return value;
      }
    }
    return null;
  }

  // Type checks rather than JsonNode's own isNull() or isValueNode(): these run for every field of
  // every record bound, and a type check costs less than a call that cannot be inlined.
  private static boolean isPresent(JsonNode value) {
    return value != null && !(value instanceof NullNode);
  }

  /** {@return whether {@code value} is a JSON object, the only shape a record binds from} */
  public static boolean isObject(JsonNode value) {
    return value instanceof ObjectNode;
  }

  /** {@return a string as is, a number or boolean as written; otherwise, JSON null included, null} */
  public static String text(JsonNode value) {
    if (value instanceof TextNode) {
      return value.textValue();
    }
    return value != null && value.isValueNode() && !(value instanceof NullNode) ? value.asText() : null;
  }

  /** {@return a number, or a string holding one, as a double; otherwise null} */
  public static Double decimal(JsonNode value) {
    if (value instanceof NumericNode) {
      return value.doubleValue();
    }
    if (value == null) {
      return null;
    }
    return value.isTextual() ? decimal(value.textValue()) : null;
  }

  /** {@return the number {@code text} holds, or null if it holds none or is longer than a number can be} */
  public static Double decimal(String text) {
    String number = numeric(text);
    if (number == null) {
      return null;
    }
    try {
      return Double.valueOf(number);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** {@return a whole number that fits in a long, written as a number or a string; otherwise null} */
  public static Long whole(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? value.longValue() : null;
    }
    if (value.isNumber()) {
      return exactLong(value.decimalValue());
    }
    return value.isTextual() ? whole(value.textValue()) : null;
  }

  /** {@return the whole number {@code text} holds, if it fits in a long; otherwise null} */
  public static Long whole(String text) {
    String number = numeric(text);
    if (number == null) {
      return null;
    }
    try {
      return exactLong(new BigDecimal(number));
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** {@return a whole number that fits in a long, or null} */
  public static Long whole(BigDecimal value) {
    return exactLong(value);
  }

  /** {@return the instant any of HrFlow's date forms denotes, or null} */
  public static Instant instant(JsonNode value) {
    if (value instanceof TextNode) {
      return DateForms.parse(value.textValue());
    }
    if (value == null) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? DateForms.fromEpoch(value.longValue()) : null;
    }
    if (value.isNumber()) {
      return DateForms.fromEpoch(value.doubleValue());
    }
    if (value.isObject()) {
      return fromDateObject(value);
    }
    return null;
  }

  /** {@return the JSON value as sent, or null when absent or JSON null} */
  public static JsonNode json(JsonNode value) {
    return isPresent(value) ? value : null;
  }

  /**
   * An object's values as text, those that are not scalars left out; an empty map otherwise. The map
   * is fresh and for a record's constructor, which makes its own unmodifiable copy.
   */
  public static Map<String, String> textMap(JsonNode value) {
    if (!(value instanceof ObjectNode) || value.isEmpty()) {
      return Map.of();
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String text = text(field.getValue());
      if (text != null) {
        map.put(field.getKey(), text);
      }
    }
    return map;
  }

  /**
   * An array's elements bound by {@code element}, those it gives null for left out; an empty list
   * otherwise. The list is unmodifiable and null-free ({@link List#copyOf}), which a record's
   * constructor keeps as it is instead of copying it again.
   */
  public static <T> List<T> list(JsonNode value, Function<JsonNode, T> element) {
    if (!(value instanceof ArrayNode) || value.isEmpty()) {
      return List.of();
    }
    List<T> list = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      T bound = item instanceof NullNode ? null : element.apply(item);
      if (bound != null) {
        list.add(bound);
      }
    }
    return List.copyOf(list);
  }

  private static Instant fromDateObject(JsonNode date) {
    JsonNode iso = date.get("iso8601");
    if (iso != null && iso.isTextual()) {
      Instant parsed = DateForms.parse(iso.textValue());
      if (parsed != null) {
        return parsed;
      }
    }
    JsonNode timestamp = date.get("timestamp");
    if (timestamp != null && (timestamp.isNumber() || timestamp.isTextual())) {
      return instant(timestamp);
    }
    JsonNode text = date.get("text");
    return text != null && text.isTextual() ? DateForms.parse(text.textValue()) : null;
  }

  /**
   * {@code text} stripped, if it is short enough to be a number and made of the characters numbers
   * are written with; null otherwise. Cheap to tell, and it keeps long strings away from the
   * conversions whose cost grows faster than their length.
   */
  private static String numeric(String text) {
    if (text.length() > 2 * MAX_NUMERIC_TEXT) {
      return null;
    }
    String number = text.strip();
    if (number.isEmpty() || number.length() > MAX_NUMERIC_TEXT) {
      return null;
    }
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
        return null;
      }
    }
    return number;
  }

  private static Long exactLong(BigDecimal value) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException notAWholeLong) {
      return null;
    }
  }
}
