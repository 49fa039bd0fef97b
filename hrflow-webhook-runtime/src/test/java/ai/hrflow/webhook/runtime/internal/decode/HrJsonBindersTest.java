package ai.hrflow.webhook.runtime.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.hrflow.webhook.hrjson.Job;
import ai.hrflow.webhook.hrjson.Profile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated binders build the same records as Jackson's lenient binding did, from realistic
 * events and from every odd shape of every field; where they differ on purpose, the test says why.
 */
class HrJsonBindersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> ODD_VALUES =
      List.of(
          "{\"a\": {\"b\": [1, {\"c\": null}]}}", "[1, [2, [3]], {\"d\": 4}, \"e\"]", "[]", "{}", "\"some text\"", "\"\"",
          "\"42\"", "\" 7.5 \"", "\"2024-03-12T09:41:27+0000\"", "1710236487", "1710236487123", "12.25", "-3",
          "123456789012345678901234567890", "-1.5e300", "true", "false", "null",
          "{\"iso8601\": \"2020-05-12T10:12:00+0000\", \"timestamp\": 1589278320}",
          "[{\"name\": \"Java\", \"value\": 5}, \"loose\", null, 3]");

  static Stream<Arguments> everyFieldWithEveryShape() {
    List<Arguments> cases = new ArrayList<>();
    for (Class<?> type : HrJsonBinders.TYPES) {
      for (RecordComponent component : type.getRecordComponents()) {
        for (String odd : ODD_VALUES) {
          cases.add(Arguments.of(type.getSimpleName() + "." + component.getName() + " = " + odd, type, component, odd));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyFieldWithEveryShape")
  void bindsEveryShapeOfEveryFieldAsJacksonDid(String name, Class<?> type, RecordComponent component, String value) throws Exception {
    ObjectNode json = JSON.createObjectNode();
    json.set(snakeCase(component.getName()), JSON.readTree(value));
    Object generated = HrJsonBinders.bind(type, json);
    Object jackson = LenientBinding.bindWithJackson(json, type);
    Object expected = component.getAccessor().invoke(jackson);
    Object actual = component.getAccessor().invoke(generated);
    if (component.getType() == JsonNode.class && value.equals("null")) {
      assertNull(actual, "an explicit null is absent, where Jackson gave NullNode"); // on purpose: null means absent
      return;
    }
    assertEquals(expected, actual, name);
  }

  @Test
  void bindsRealisticProfilesAndJobsAsJacksonDid() throws IOException {
    for (String resource : List.of("profile-event.json", "job-event.json")) {
      JsonNode event;
      try (InputStream in = HrJsonBindersTest.class.getResourceAsStream(resource)) {
        event = JSON.readTree(in);
      }
      if (event.has("profile")) {
        assertEquals(LenientBinding.bindWithJackson(event.get("profile"), Profile.class), HrJsonBinders.profile(event.get("profile")), resource);
      } else {
        assertEquals(LenientBinding.bindWithJackson(event.get("job"), Job.class), HrJsonBinders.job(event.get("job")), resource);
      }
    }
  }

  @Test
  void readsAliasesAfterTheFieldsOwnName() throws IOException {
    Profile profile = HrJsonBinders.profile(JSON.readTree("{\"profile_id\": \"p1\", \"archive\": 1589278320}"));
    assertEquals("p1", profile.key());
    assertEquals(Instant.ofEpochSecond(1589278320), profile.archivedAt());
    assertEquals("k", HrJsonBinders.profile(JSON.readTree("{\"key\": \"k\", \"profile_id\": \"p1\"}")).key());
  }

  @Test
  void numbersWrittenAsLongStringsAreNoNumbers() throws IOException {
    String longNumber = "1".repeat(LenientValues.MAX_NUMERIC_TEXT + 1);
    assertNull(HrJsonBinders.job(JSON.readTree("{\"id\": \"" + longNumber + "\"}")).id());
    assertNull(HrJsonBinders.label(JSON.readTree("{\"rating\": \"" + "9".repeat(1_000_000) + "\"}")).rating());
    assertEquals(42L, HrJsonBinders.job(JSON.readTree("{\"id\": \" 42 \"}")).id());
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }
}
