package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator's {@code hrflowWebhook} health: up while the receiver can take events, down (with the
 * reason) when it cannot, such as when the inbox's database is unreachable; with the inbox, its
 * pending, retrying and dead events and the age of the oldest pending one.
 */
class HrFlowWebhookHealthIndicator implements HealthIndicator {

  /** The inbox's figures, when there is one (no Actuator type here: the inbox's configuration makes it). */
  interface InboxDetails {
    Map<String, Object> details() throws Exception;
  }

  private final WebhookReceiver receiver;
  private final String path;
  private final InboxDetails inbox;

  HrFlowWebhookHealthIndicator(WebhookReceiver receiver, String path, InboxDetails inbox) {
    this.receiver = receiver;
    this.path = path;
    this.inbox = inbox;
  }

  @Override
  public Health health() {
    String unavailable = receiver.unavailableReason();
    Health.Builder health = unavailable == null ? Health.up() : Health.down().withDetail("reason", unavailable);
    health.withDetail("path", path);
    if (inbox != null) {
      try {
        health.withDetail("inbox", inbox.details());
      } catch (Exception e) {
        health.down().withDetail("inbox", "its figures could not be read: " + e.getMessage());
      }
    }
    return health.build();
  }
}
