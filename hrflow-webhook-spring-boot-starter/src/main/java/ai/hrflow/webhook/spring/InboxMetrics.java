package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.inbox.InboxListener;
import java.time.Duration;

/** The inbox's events in {@link WebhookMetrics#EVENTS}: {@code handled}, {@code retrying} or {@code dead} as its workers run them. */
class InboxMetrics implements InboxListener {

  private final WebhookMetrics metrics;

  InboxMetrics(WebhookMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void eventHandled(String type, int attempt, Duration waited, Duration took) {
    metrics.event(type, "handled");
  }

  @Override
  public void eventFailed(String type, int attempt, Throwable failure, Duration retryIn) {
    metrics.event(type, retryIn == null ? "dead" : "retrying");
  }
}
