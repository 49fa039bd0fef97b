package ai.hrflow.webhook.runtime;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log line of each request, through {@code System.Logger} {@code ai.hrflow.webhook}: its status,
 * the event types with their counts, the signature scheme or the reason for a rejection, and how long
 * it took. Never the secret, the signature or the payload.
 */
final class DeliveryLog {

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook");
  private static final int LOGGED_TYPES = 10;

  private DeliveryLog() {}

  /** Logs a request whose events were dispatched. */
  static void delivered(WebhookResponse response, List<WebhookEvent> events, SignatureScheme scheme, long startedNanos) {
    if (LOG.isLoggable(Level.INFO)) {
      StringBuilder line = new StringBuilder("webhook ").append(response.status()).append(' ').append(events.size());
      line.append(events.size() == 1 ? " event " : " events ").append(typeCounts(events)).append(' ').append(scheme.name());
      LOG.log(Level.INFO, took(line, startedNanos));
    }
  }

  /** Logs a request refused before any handler ran. */
  static void rejected(WebhookResponse response, String reason, long startedNanos) {
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, took(new StringBuilder("webhook ").append(response.status()).append(' ').append(reason), startedNanos));
    }
  }

  private static String took(StringBuilder line, long startedNanos) {
    long tenthsOfMillis = (System.nanoTime() - startedNanos) / 100_000; // no String.format on every request
    return line.append(" in ").append(tenthsOfMillis / 10).append('.').append(tenthsOfMillis % 10).append(" ms").toString();
  }

  /** The distinct types of a batch with their counts, at most ten: {@code [profile.parsing.success x3, ...]}. */
  private static String typeCounts(List<WebhookEvent> events) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    boolean more = false;
    for (WebhookEvent event : events) {
      if (counts.size() < LOGGED_TYPES || counts.containsKey(event.type())) {
        counts.merge(event.type(), 1, Integer::sum);
      } else {
        more = true;
      }
    }
    StringBuilder types = new StringBuilder("[");
    counts.forEach((type, count) -> types.append(types.length() == 1 ? "" : ", ").append(type).append(count == 1 ? "" : " x" + count));
    return types.append(more ? ", ...]" : "]").toString();
  }
}
