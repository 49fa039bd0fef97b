package ai.hrflow.webhook.testing;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.catalog.PayloadFamily;
import ai.hrflow.webhook.catalog.internal.PayloadSchema;
import ai.hrflow.webhook.runtime.WebhookEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Realistic sample events for every event type, as HrFlow sends them: a profile event carries a full
 * HR-JSON profile, a job event a job, an action event a profile, a job, a stage and a rating. For
 * tests of your handlers, and for the CLI's {@code send}.
 *
 * <pre>{@code
 * String json = SampleEvents.json(EventTypes.PROFILE_PARSING_SUCCESS);
 * }</pre>
 */
public final class SampleEvents {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<PayloadFamily, ObjectNode> TEMPLATES = templates();

  private SampleEvents() {}

  /**
   * A sample event of {@code type} as a JSON object. A type outside the catalog gets the sample of
   * the family its first word names ({@code profile}, {@code job} or {@code filter}, {@code action}),
   * or no object at all.
   */
  public static ObjectNode node(String type) {
    ObjectNode event = JSON.createObjectNode().put("type", type);
    event.put("message", EventType.of(type).map(EventType::description).orElse(type + " notification"));
    PayloadSchema.familyOfTypeName(type).map(TEMPLATES::get).ifPresent(template -> event.setAll(template.deepCopy()));
    return event;
  }

  /**
   * {@link #node} as JSON text.
   */
  public static String json(String type) {
    return node(type).toString();
  }

  /**
   * {@link #node} as UTF-8 bytes, ready to sign and send.
   */
  public static byte[] bytes(String type) {
    return json(type).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@link #node} decoded, as a dispatcher receives it.
   */
  public static WebhookEvent event(String type) {
    return WebhookEvent.of(node(type));
  }

  /**
   * A JSON array of one sample event per type: a batch, as the seed says HrFlow sends.
   */
  public static String batch(String... types) {
    ArrayNode batch = JSON.createArrayNode();
    for (String type : types) {
      batch.add(node(type));
    }
    return batch.toString();
  }

  private static Map<PayloadFamily, ObjectNode> templates() {
    Map<PayloadFamily, ObjectNode> templates = new EnumMap<>(PayloadFamily.class);
    for (PayloadFamily family : PayloadFamily.values()) {
      String resource = family.name().toLowerCase(java.util.Locale.ROOT) + ".json";
      try (InputStream in = SampleEvents.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing sample " + resource);
        }
        JsonNode template = JSON.readTree(in);
        templates.put(family, (ObjectNode) template);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return templates;
  }
}
