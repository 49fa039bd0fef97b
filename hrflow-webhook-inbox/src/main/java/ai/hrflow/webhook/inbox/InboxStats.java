package ai.hrflow.webhook.inbox;

import java.time.Duration;

/**
 * What an inbox holds, as of one query.
 *
 * @param pending events stored and not yet handled (including those waiting for a retry)
 * @param retrying pending events that failed at least once
 * @param dead events that ran out of attempts; {@link WebhookInbox#replayDead()} queues them again
 * @param oldestPendingAge how long the oldest pending event has waited; zero when none is pending
 */
public record InboxStats(long pending, long retrying, long dead, Duration oldestPendingAge) {}
