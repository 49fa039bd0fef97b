package ai.hrflow.webhook.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a {@link WebhookReceiver} stores verified events instead of handling them during the request:
 * "store first, acknowledge, then process with retries". The receiver answers 200 only once {@link
 * #store} has returned, so an acknowledged event is never lost; handlers then run off the request, with
 * retries.
 *
 * <p>The {@code hrflow-webhook-inbox} module's {@code WebhookInbox} implements it on a database (an
 * embedded one by default, PostgreSQL for a fleet); the runtime itself stores nothing. Implementations
 * are safe for concurrent use.
 */
public interface EventInbox {

  /**
   * Stores {@code events} durably, all or none: when this returns, every one of them is committed and
   * will reach its handler at least once.
   *
   * @param events the verified events of one request that have a handler, in the order sent
   * @throws InboxUnavailableException if the events cannot be stored now (the database is unreachable,
   *     the inbox is closing); nothing was stored, and the receiver answers 503 with {@code
   *     Retry-After} so that the sender retries
   */
  void store(List<WebhookEvent> events) throws InboxUnavailableException;

  /**
   * Why the inbox cannot store events now, for health checks; cheap enough to call on every check
   * (implementations may answer from a recent probe).
   *
   * @return a short reason, such as {@code "database unreachable: Connection refused"}, or null when
   *     events can be stored
   */
  String unavailableReason();

  /**
   * What the inbox holds, for the embedded server's delivery console: its counts, and its oldest
   * pending and dead events. The default says nothing.
   *
   * @param limit how many pending and how many dead events to list at most
   * @return the snapshot, or null when this inbox cannot say
   * @throws Exception if the inbox's database cannot be read
   */
  default Snapshot snapshot(int limit) throws Exception {
    return null;
  }

  /**
   * Queues every dead event again with its attempts reset, for the delivery console's replay button.
   *
   * @return how many were queued again
   * @throws Exception if the inbox's database cannot be reached
   * @throws UnsupportedOperationException if this inbox cannot (the default)
   */
  default int replayDead() throws Exception {
    throw new UnsupportedOperationException("this inbox cannot replay dead events");
  }

  /**
   * What an inbox holds.
   *
   * @param pending events not yet handled
   * @param retrying pending events whose handler failed at least once
   * @param dead events that ran out of attempts
   * @param oldestPendingAge how long the oldest pending event has waited; zero when none
   * @param pendingEvents the oldest pending events
   * @param deadEvents the oldest dead events
   */
  record Snapshot(long pending, long retrying, long dead, Duration oldestPendingAge, List<Entry> pendingEvents, List<Entry> deadEvents) {
    /** Copies the lists. */
    public Snapshot {
      pendingEvents = List.copyOf(pendingEvents);
      deadEvents = List.copyOf(deadEvents);
    }
  }

  /**
   * One stored event.
   *
   * @param id its id in the inbox
   * @param type its type
   * @param attempts how many times its handler ran and failed
   * @param lastError the last failure's exception and the start of its stack trace, or null
   * @param receivedAt when it was stored
   */
  record Entry(String id, String type, int attempts, String lastError, Instant receivedAt) {}
}
