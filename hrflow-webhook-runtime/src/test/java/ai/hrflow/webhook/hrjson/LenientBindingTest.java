package ai.hrflow.webhook.hrjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.hrflow.webhook.runtime.internal.decode.LenientBinding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every component of every HR-JSON record, fed every JSON shape it does not expect: the record still
 * binds, the field after it still binds, and lists stay non-null.
 */
class LenientBindingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<Class<? extends Record>> RECORDS =
      List.of(
          Profile.class, Job.class, Info.class, Location.class, Experience.class, Education.class, Skill.class,
          Trait.class, Label.class, Attachment.class, Source.class, Board.class, Url.class, Section.class,
          DateRange.class, FloatRange.class);

  private static final List<String> ODD_VALUES =
      List.of(
          "{\"a\": {\"b\": [1, {\"c\": null}]}}",
          "[1, [2, [3]], {\"d\": 4}, \"e\"]",
          "[]",
          "{}",
          "\"some text\"",
          "\"\"",
          "123456789012345678901234567890",
          "-1.5e300",
          "true",
          "null");

  static Stream<Arguments> oddShapes() {
    List<Arguments> cases = new ArrayList<>();
    for (Class<? extends Record> type : RECORDS) {
      for (RecordComponent component : type.getRecordComponents()) {
        for (String odd : ODD_VALUES) {
          cases.add(Arguments.of(type.getSimpleName() + "." + component.getName() + " = " + odd, type, component, odd));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddShapes")
  void oddShapeOfOneFieldLeavesTheOthersIntact(String name, Class<? extends Record> type, RecordComponent odd, String value)
      throws Exception {
    Optional<RecordComponent> sentinel = sentinelFor(type, odd);
    ObjectNode json = JSON.createObjectNode();
    json.set(snakeCase(odd.getName()), JSON.readTree(value));
    sentinel.ifPresent(component -> json.put(snakeCase(component.getName()), "still here"));

    Record bound = LenientBinding.bind(json, type);

    assertNotNull(bound, name);
    if (sentinel.isPresent()) {
      assertEquals("still here", sentinel.get().getAccessor().invoke(bound), name);
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (List.class.isAssignableFrom(component.getType()) || Map.class.isAssignableFrom(component.getType())) {
        assertNotNull(component.getAccessor().invoke(bound), component.getName());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddShapes")
  void oddShapeAtTheTopBindsToNullOrAnEmptyRecord(String name, Class<? extends Record> type, RecordComponent unused, String value)
      throws Exception {
    JsonNode json = JSON.readTree(value);
    Object bound = LenientBinding.bind(json, type); // must not throw
    if (bound != null) {
      assertEquals(type, bound.getClass());
    }
  }

  /** A String component other than {@code odd}, written after it; DateRange has none. */
  private static Optional<RecordComponent> sentinelFor(Class<? extends Record> type, RecordComponent odd) {
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getType() == String.class && !component.getName().equals(odd.getName())) {
        return Optional.of(component);
      }
    }
    return Optional.empty();
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }
}
