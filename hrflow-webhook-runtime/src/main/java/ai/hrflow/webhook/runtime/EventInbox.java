package ai.hrflow.webhook.runtime;

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
}
