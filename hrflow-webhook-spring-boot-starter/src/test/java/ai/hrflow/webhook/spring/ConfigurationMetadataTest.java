package ai.hrflow.webhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.hrflow.webhook.inbox.WebhookInbox;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata IDEs complete {@code hrflow.webhook.*} from: generated from {@link
 * HrFlowWebhookProperties} at build time, with a description for every property and the library's
 * own defaults.
 */
class ConfigurationMetadataTest {

  private static Map<String, JsonNode> properties() throws Exception {
    try (InputStream in = HrFlowWebhookProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the metadata is generated into the jar").isNotNull();
      Map<String, JsonNode> properties = new HashMap<>();
      for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
        properties.put(property.get("name").asString(), property);
      }
      return properties;
    }
  }

  @Test
  void everyPropertyIsDescribed() throws Exception {
    Map<String, JsonNode> properties = properties();
    assertThat(properties.keySet())
        .containsAll(
            List.of(
                "hrflow.webhook.enabled",
                "hrflow.webhook.secret",
                "hrflow.webhook.secrets",
                "hrflow.webhook.path",
                "hrflow.webhook.max-body-bytes",
                "hrflow.webhook.schemes",
                "hrflow.webhook.deduplicate",
                "hrflow.webhook.inbox.enabled",
                "hrflow.webhook.inbox.workers",
                "hrflow.webhook.inbox.max-attempts"));
    properties.forEach((name, property) -> assertThat(property.path("description").asString("")).as(name).hasSizeGreaterThan(20));
  }

  @Test
  void theDefaultsAreTheLibrarysOwn() throws Exception {
    Map<String, JsonNode> properties = properties();
    assertThat(properties.get("hrflow.webhook.enabled").get("defaultValue").asBoolean()).isTrue();
    assertThat(properties.get("hrflow.webhook.path").get("defaultValue").asString()).isEqualTo("/webhooks");
    assertThat(properties.get("hrflow.webhook.max-body-bytes").get("defaultValue").asInt()).isEqualTo(WebhookReceiver.DEFAULT_MAX_BODY_BYTES);
    assertThat(properties.get("hrflow.webhook.inbox.enabled").get("defaultValue").asBoolean()).isFalse();
    assertThat(properties.get("hrflow.webhook.inbox.workers").get("defaultValue").asInt()).isEqualTo(WebhookInbox.DEFAULT_WORKERS);
    assertThat(properties.get("hrflow.webhook.inbox.max-attempts").get("defaultValue").asInt()).isEqualTo(WebhookInbox.DEFAULT_MAX_ATTEMPTS);
    HrFlowWebhookProperties.Inbox inbox = new HrFlowWebhookProperties().getInbox();
    assertThat(inbox.getFirstRetry()).isEqualTo(WebhookInbox.DEFAULT_FIRST_RETRY);
    assertThat(inbox.getMaxRetry()).isEqualTo(WebhookInbox.DEFAULT_MAX_RETRY);
    assertThat(inbox.getPollingInterval()).isEqualTo(WebhookInbox.DEFAULT_POLLING_INTERVAL);
    assertThat(new HrFlowWebhookProperties().getMaxBodyBytes()).isEqualTo(WebhookReceiver.DEFAULT_MAX_BODY_BYTES);
  }
}
