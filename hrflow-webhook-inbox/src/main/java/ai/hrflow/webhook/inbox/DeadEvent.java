package ai.hrflow.webhook.inbox;

import java.time.Instant;

/**
 * An event whose handler failed on every attempt: kept, with its payload, until it is replayed.
 *
 * @param id the event's id in the inbox
 * @param type the event's type, such as {@code profile.parsing.success}
 * @param attempts how many times its handler ran
 * @param lastError what the handler threw last time: the exception and the start of its stack trace
 * @param receivedAt when the event was stored
 * @param lastAttemptAt when its handler last ran
 */
public record DeadEvent(String id, String type, int attempts, String lastError, Instant receivedAt, Instant lastAttemptAt) {}
