package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.internal.log.LogText;
import ai.hrflow.webhook.runtime.internal.log.RateLimit;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The log lines of requests, through {@code System.Logger} {@code ai.hrflow.webhook}. Never the
 * secret, the signature or the payload; values that came from the network are escaped and cut.
 *
 * <ul>
 *   <li>A delivered request is a {@code DEBUG} line (status, event types with counts, scheme, time):
 *       nothing at the default level, one switch away.
 *   <li>A refused request (401, 400, 413, 415, 404, 405, 503) is an {@code INFO} line, at most one per
 *       reason per interval (a minute by default); the next line says how many were not written.
 *   <li>A request whose events the inbox could not store (503) is a {@code WARNING} with the cause, as
 *       rate-limited as refusals: the operator has a database to look at.
 * </ul>
 *
 * A handler failure is logged where it happens, at {@code WARNING} with its stack trace.
 */
final class DeliveryLog {

  /** How often a line is written for one reason of refusal, at most. */
  static final Duration DEFAULT_REFUSAL_INTERVAL = Duration.ofMinutes(1);

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook");
  private static final int LOGGED_TYPES = 10;
  private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  private final RateLimit refusals;
  private final String interval;

  DeliveryLog(Duration refusalInterval, LongSupplier nanoClock) {
    this.refusals = new RateLimit(refusalInterval.toNanos(), nanoClock);
    this.interval = refusalInterval.toMillis() < 1000 ? refusalInterval.toMillis() + " ms" : refusalInterval.toSeconds() + " s";
  }

  /** Logs a request whose events were dispatched, at DEBUG. */
  void delivered(WebhookResponse response, List<WebhookEvent> events, SignatureScheme scheme, long startedNanos) {
    if (LOG.isLoggable(Level.DEBUG)) {
      StringBuilder line = new StringBuilder("webhook ").append(response.status()).append(' ').append(events.size());
      line.append(events.size() == 1 ? " event " : " events ").append(typeCounts(events)).append(' ').append(scheme.name());
      LOG.log(Level.DEBUG, took(line, startedNanos));
    }
  }

  /**
   * Logs a request refused before any handler ran, at INFO, unless a line for the same {@code key}
   * was written within the interval.
   *
   * @param key the reason, from a small fixed set, such as {@code "signature does not match"}
   * @param reason the reason in words, which may say more than the key (where parsing failed)
   */
  void refused(WebhookResponse response, String key, String reason, long startedNanos) {
    if (LOG.isLoggable(Level.INFO)) {
      long heldBack = refusals.acquire(response.status() + " " + key);
      if (heldBack >= 0) {
        StringBuilder line = new StringBuilder("webhook ").append(response.status()).append(' ').append(reason);
        LOG.log(Level.INFO, heldBack(took(line, startedNanos), heldBack));
      }
    }
  }

  /** Logs a request the HTTP layer refused (wrong path or method, saturation), as {@link #refused}. */
  void refusedByServer(WebhookResponse response, String key, String method, String path) {
    if (LOG.isLoggable(Level.INFO)) {
      long heldBack = refusals.acquire(response.status() + " " + key);
      if (heldBack >= 0) {
        String shownMethod = KNOWN_METHODS.contains(method) ? method : "(unknown method)";
        String line = "webhook " + response.status() + " " + key + ": " + shownMethod + " " + LogText.of(path);
        LOG.log(Level.INFO, heldBack(line, heldBack));
      }
    }
  }

  /** Logs a request answered 503 because its events could not be stored, at WARNING, rate-limited. */
  void notStored(WebhookResponse response, InboxUnavailableException failure, long startedNanos) {
    if (LOG.isLoggable(Level.WARNING)) {
      long heldBack = refusals.acquire(response.status() + " inbox");
      if (heldBack >= 0) {
        StringBuilder line = new StringBuilder("webhook ").append(response.status()).append(" events not stored, the sender will retry: ");
        line.append(LogText.of(String.valueOf(failure.getMessage()), 500));
        LOG.log(Level.WARNING, heldBack(took(line, startedNanos), heldBack), failure.getCause());
      }
    }
  }

  private String heldBack(String line, long heldBack) {
    return heldBack == 0 ? line : line + " (" + heldBack + " more like it not logged; at most one line per " + interval + ")";
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
    counts.forEach(
        (type, count) -> types.append(types.length() == 1 ? "" : ", ").append(LogText.of(type, 100)).append(count == 1 ? "" : " x" + count));
    return types.append(more ? ", ...]" : "]").toString();
  }
}
