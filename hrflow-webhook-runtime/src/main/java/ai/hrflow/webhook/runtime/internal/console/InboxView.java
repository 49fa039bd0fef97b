package ai.hrflow.webhook.runtime.internal.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The inbox as the console shows it: its counts and first events, and replaying its dead ones. */
public interface InboxView {

  /** What an inbox holds. */
  record Snapshot(long pending, long retrying, long dead, Duration oldestPendingAge, List<Entry> pendingEvents, List<Entry> deadEvents) {}

  /** One stored event. */
  record Entry(String id, String type, int attempts, String lastError, Instant receivedAt) {}

  /** {@return the counts and the first {@code limit} pending and dead events, or null when the inbox cannot say} */
  Snapshot snapshot(int limit) throws Exception;

  /** {@return how many dead events were queued again} */
  int replayDead() throws Exception;
}
