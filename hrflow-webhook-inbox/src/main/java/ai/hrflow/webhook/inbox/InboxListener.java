package ai.hrflow.webhook.inbox;

import java.time.Duration;

/**
 * Observes an inbox's work, for metrics and tracing: events stored, handled, failed, dead. Every
 * method has an empty default; an exception thrown here is logged and ignored. Methods are called on
 * request threads ({@link #eventsStored}) and on the inbox's workers (the others), concurrently.
 *
 * <p>For gauges (pending events, the oldest one's age, dead events), read {@link WebhookInbox#stats()}.
 */
public interface InboxListener {

  /** Observes nothing. */
  InboxListener NONE = new InboxListener() {};

  /**
   * A request's events were committed.
   *
   * @param stored how many were stored
   * @param duplicates how many were stored already, by an earlier delivery (with deduplication)
   */
  default void eventsStored(int stored, int duplicates) {}

  /**
   * A handler returned.
   *
   * @param type the event's type
   * @param attempt which attempt this was, from 1
   * @param waited from when this attempt was due (the intake, for a first attempt) to its start
   * @param took how long the handler ran
   */
  default void eventHandled(String type, int attempt, Duration waited, Duration took) {}

  /**
   * A handler threw.
   *
   * @param type the event's type
   * @param attempt which attempt this was, from 1
   * @param failure what the handler threw
   * @param retryIn when the next attempt is due, or null if the event is now dead (no attempts left)
   */
  default void eventFailed(String type, int attempt, Throwable failure, Duration retryIn) {}
}
