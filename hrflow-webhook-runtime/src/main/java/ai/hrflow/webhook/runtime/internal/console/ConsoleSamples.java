package ai.hrflow.webhook.runtime.internal.console;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.catalog.internal.PayloadSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Sample events for the console's "send a sample": the test kit's realistic samples when {@code
 * hrflow-webhook-testing} is on the class path (its profile, job and action templates, read as
 * resources), otherwise a minimal event of the type. Built as the test kit builds them: the type, the
 * catalog's description as the message, and the family's template.
 */
final class ConsoleSamples {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEST_KIT_TEMPLATES = "ai/hrflow/webhook/testing/";

  private ConsoleSamples() {}

  /** {@return a sample event of {@code type}} */
  static ObjectNode of(String type) {
    ObjectNode event = JSON.createObjectNode().put("type", type).put("origin", "console");
    event.put("message", EventType.of(type).map(EventType::description).orElse(type + " notification"));
    PayloadSchema.familyOfTypeName(type).map(family -> template(family.name().toLowerCase(Locale.ROOT))).ifPresent(event::setAll);
    event.put("type", type);
    return event;
  }

  /** {@return whether the test kit's templates are on the class path} */
  static boolean realistic() {
    return ConsoleSamples.class.getClassLoader().getResource(TEST_KIT_TEMPLATES + "profile.json") != null;
  }

  private static ObjectNode template(String family) {
    try (InputStream in = ConsoleSamples.class.getClassLoader().getResourceAsStream(TEST_KIT_TEMPLATES + family + ".json")) {
      if (in != null) {
        JsonNode template = JSON.readTree(in);
        if (template instanceof ObjectNode object) {
          return object;
        }
      }
    } catch (IOException unreadable) {
      // the minimal sample below
    }
    ObjectNode minimal = JSON.createObjectNode();
    String key = "console-sample-" + Long.toHexString(System.nanoTime());
    switch (family) {
      case "profile" -> minimal.putObject("profile").put("key", key).putObject("info").put("full_name", "Sample Profile");
      case "job" -> minimal.putObject("job").put("key", key).put("name", "Sample Job");
      default -> minimal.putObject("profile").put("key", key);
    }
    return minimal;
  }
}
