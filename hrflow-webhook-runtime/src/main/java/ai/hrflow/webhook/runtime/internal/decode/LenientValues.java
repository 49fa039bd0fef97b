package ai.hrflow.webhook.runtime.internal.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

  /** {@return the value of the first of {@code names} present with a non-null value in {@code object}, or null} */
  public static JsonNode field(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /** {@link #field(JsonNode, String)} with one alias, tried after {@code name}. */
  public static JsonNode field(JsonNode object, String name, String alias) {
    JsonNode value = field(object, name);
    return value != null ? value : field(object, alias);
  }

  /** {@link #field(JsonNode, String)} with any number of aliases. */
  public static JsonNode field(JsonNode object, String name, String... aliases) {
    JsonNode value = field(object, name);
    for (int i = 0; value == null && i < aliases.length; i++) {
      value = field(object, aliases[i]);
    }
    return value;
  }

  /** {@return whether {@code value} is a JSON object, the only shape a record binds from} */
  public static boolean isObject(JsonNode value) {
    return value != null && value.isObject();
  }

  /** {@return a string as is, a number or boolean as written, or null} */
  public static String text(JsonNode value) {
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  /** {@return a number, or a string holding one, as a double; otherwise null} */
  public static Double decimal(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isNumber()) {
      return value.doubleValue();
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
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return DateForms.parse(value.textValue());
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

  /** {@return the JSON value as sent, or null when absent} */
  public static JsonNode json(JsonNode value) {
    return value;
  }

  /** {@return an object's values as text, those that are not scalars left out; an empty map otherwise} */
  public static Map<String, String> textMap(JsonNode value) {
    if (value == null || !value.isObject() || value.isEmpty()) {
      return Map.of();
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String text = text(field.getValue());
      if (text != null) {
        map.put(field.getKey(), text);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** {@return an array's elements bound by {@code element}, those it gives null for left out; an empty list otherwise} */
  public static <T> List<T> list(JsonNode value, Function<JsonNode, T> element) {
    if (value == null || !value.isArray() || value.isEmpty()) {
      return List.of();
    }
    List<T> list = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      T bound = item.isNull() ? null : element.apply(item);
      if (bound != null) {
        list.add(bound);
      }
    }
    return Collections.unmodifiableList(list);
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
