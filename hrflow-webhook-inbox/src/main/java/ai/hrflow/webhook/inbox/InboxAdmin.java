package ai.hrflow.webhook.inbox;

import ai.hrflow.webhook.inbox.internal.Dialect;
import ai.hrflow.webhook.inbox.internal.EventStore;
import ai.hrflow.webhook.inbox.internal.EventTask;
import ai.hrflow.webhook.inbox.internal.Schema;
import ai.hrflow.webhook.inbox.internal.TransactionBoundDataSource;
import com.github.kagkarlsson.scheduler.SchedulerClient;
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

  private final TransactionBoundDataSource data;
  private final EventStore store;
  private final Clock clock;

  InboxAdmin(TransactionBoundDataSource data, Dialect dialect, Clock clock) {
    this.data = data;
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
    return new InboxAdmin(new TransactionBoundDataSource(dataSource), dialect, Clock.systemUTC());
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
    for (EventStore.Dead row : store.dead(limit)) {
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
    SchedulerClient client = SchedulerClient.Builder.create(data, EventTask.schedulingOnly()).tableName(EventTask.TABLE).build();
    return replayDead(client);
  }

  /** Replays dead events in batches, each batch's revival and scheduling in one transaction. */
  int replayDead(SchedulerClient client) throws SQLException {
    int total = 0;
    for (int replayed = REPLAY_BATCH; replayed == REPLAY_BATCH; total += replayed) {
      replayed =
          data.inTransaction(
              connection -> {
                Instant now = clock.instant();
                List<String> ids = store.revive(connection, REPLAY_BATCH);
                for (String id : ids) {
                  client.scheduleIfNotExists(EventTask.execution(id, now)); // its old execution may linger if its node died
                }
                return ids.size();
              });
    }
    return total;
  }
}
