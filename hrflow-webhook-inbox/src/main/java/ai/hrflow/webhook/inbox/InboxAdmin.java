package ai.hrflow.webhook.inbox;

import ai.hrflow.webhook.inbox.internal.Dialect;
import ai.hrflow.webhook.inbox.internal.EventStore;
import ai.hrflow.webhook.inbox.internal.Schema;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Looks into an inbox's database without running anything: counts, dead events, replay. For
 * operators' tools (the CLI's {@code inbox stats|dead|replay}); a running {@link WebhookInbox} offers
 * the same through its own methods.
 */
public final class InboxAdmin {

  /** How many dead events one replay transaction queues again. */
  static final int REPLAY_BATCH = 500;

  private final EventStore store;
  private final Clock clock;

  InboxAdmin(DataSource data, Dialect dialect, Clock clock) {
    this.store = new EventStore(data, dialect);
    this.clock = clock;
  }

  /**
   * An admin view of the inbox in {@code dataSource}'s database.
   *
   * @throws SQLException if the database cannot be reached
   * @throws IllegalStateException if the inbox's tables are not there
   * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
   */
  public static InboxAdmin of(DataSource dataSource) throws SQLException {
    Objects.requireNonNull(dataSource, "dataSource");
    Dialect dialect = Dialect.of(dataSource);
    Schema.verify(dataSource, dialect);
    return new InboxAdmin(dataSource, dialect, Clock.systemUTC());
  }

  /**
   * Counts pending and dead events, and the age of the oldest pending one.
   *
   * @throws SQLException if the database cannot be reached
   */
  public InboxStats stats() throws SQLException {
    EventStore.Counts counts = store.counts();
    Duration age = counts.oldestPending() == null ? Duration.ZERO : Duration.between(counts.oldestPending(), clock.instant());
    return new InboxStats(counts.pending(), counts.retrying(), counts.dead(), age.isNegative() ? Duration.ZERO : age);
  }

  /**
   * The first {@code limit} dead events, the oldest first.
   *
   * @throws SQLException if the database cannot be reached
   */
  public List<DeadEvent> deadEvents(int limit) throws SQLException {
    if (limit < 1) {
      throw new IllegalArgumentException("list at least one dead event, not " + limit);
    }
    List<DeadEvent> dead = new ArrayList<>();
    for (EventStore.Listed row : store.dead(limit)) {
      dead.add(new DeadEvent(row.id(), row.type(), row.attempts(), row.lastError(), row.receivedAt(), row.lastAttemptAt()));
    }
    return dead;
  }

  /**
   * Queues every dead event again, with its attempts reset; running inboxes pick them up within
   * their polling interval.
   *
   * @return how many were queued again
   * @throws SQLException if the database cannot be reached (batches committed before stay queued)
   */
  public int replayDead() throws SQLException {
    int total = 0;
    for (int replayed = REPLAY_BATCH; replayed == REPLAY_BATCH; total += replayed) {
      replayed = store.revive(REPLAY_BATCH, clock.instant());
    }
    return total;
  }
}
