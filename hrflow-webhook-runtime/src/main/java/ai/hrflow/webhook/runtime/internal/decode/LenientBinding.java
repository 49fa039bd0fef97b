package ai.hrflow.webhook.runtime.internal.decode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;

/**
 * Binds JSON trees to HR-JSON records, payload fields and any other type, leniently: HR-JSON's
 * snake_case names map to Java-style accessors, unknown fields are ignored, every date form parses,
 * and values of unexpected shape (an object where a list or a string is expected, a word where a
 * number is) become null.
 *
 * <p>HR-JSON records, text and numbers go through the generated {@link HrJsonBinders} and {@link
 * LenientValues}, which read the tree directly; any other type goes through Jackson, with one shared,
 * pre-configured {@link ObjectReader} per type.
 */
public final class LenientBinding {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
          .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
          .addModule(
              new SimpleModule("hrflow-lenient")
                  .addDeserializer(Instant.class, new LenientInstantDeserializer())
                  .addDeserializer(Long.class, new LenientLongDeserializer()))
          .addHandler(new LenientProblemHandler())
          .build();

  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return MAPPER.readerFor(type);
        }
      };

  private LenientBinding() {}

  /** {@return the lenient Jackson reader for {@code type}, for benchmarks that compare binding designs} */
  public static ObjectReader readerFor(Class<?> type) {
    return READERS.get(type);
  }

  /**
   * Binds {@code json} to {@code type}.
   *
   * @return the bound value, or null if {@code json} cannot be bound to {@code type} at all
   * @param <T> the type bound to
   */
  public static <T> T bind(JsonNode json, Class<T> type) {
    if (HrJsonBinders.TYPES.contains(type)) {
      return HrJsonBinders.bind(type, json);
    }
    if (type == String.class) {
      return type.cast(LenientValues.text(json));
    }
    if (type == Double.class) {
      return type.cast(LenientValues.decimal(json));
    }
    return bindWithJackson(json, type);
  }

  /** Binds with Jackson alone; for any type, the HR-JSON records included (which tests compare). */
  static <T> T bindWithJackson(JsonNode json, Class<T> type) {
    try {
      return readerFor(type).readValue(json);
    } catch (IOException | RuntimeException unbindable) {
      return null;
    }
  }
}
