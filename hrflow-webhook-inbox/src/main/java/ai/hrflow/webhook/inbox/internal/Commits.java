package ai.hrflow.webhook.inbox.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The writes of the inbox's hot path: intakes (a request's events, before its 200) and completions (a
 * handled event's execution deleted), group-committed together ({@link GroupCommit}): the requests
 * and the workers at one moment share one transaction and one commit. A request waits for its
 * intake's commit; a worker that ran an event its node stored ({@link #completeLater}) does not wait
 * for its completion's, which goes with the next batch (its node bounds how many wait: {@link
 * LocalRuns}).
 *
 * <p>Why together: a commit waits for the database to flush its log, and the database flushes one
 * flush at a time; intakes and completions committed apart each wait for their own flush, and for
 * the other's in progress. Together they are one statement on PostgreSQL, one round trip ({@link
 * EventStore#write}). Safe for concurrent use.
 */
public final class Commits {

  /** What waits for a commit. */
  private sealed interface Item permits Intake, Completion {}

  private record Intake(List<EventStore.Pending> events) implements Item {}

  private record Completion(EventStore.Done done) implements Item {}

  /** What a commit gave one item: the ids stored (an intake), or whether the execution was still this node's (a completion). */
  private record Outcome(Set<String> stored, boolean completed) {}

  /** Batches written at once. */
  static final int WRITERS = 2;

  /** The most events and completions one batch carries. */
  static final int MAX_BATCH = 1000;

  private final EventStore store;
  private final Clock clock;
  private final Availability availability;
  private final GroupCommit<Item, Outcome> group;

  /**
   * Commits to {@code store}, with times from {@code clock}, telling {@code availability} whether the
   * database answered: a completion that finds it gone makes the next requests answer 503 at once,
   * rather than each wait for a connection the pool cannot make.
   */
  public Commits(EventStore store, Clock clock, Availability availability) {
    this.store = store;
    this.clock = clock;
    this.availability = availability;
    // Two batches at a time, so that
    // one can execute while the other waits for its flush (four measured no better: BENCHMARKS.md 5).
    // On PostgreSQL, two platform threads of their own write the batches: a request or a worker that
    // led a batch (one of the threads waiting) resumed, once the database answered, only when the
    // scheduler got to it, behind the other runnable requests (on virtual threads, behind them in the
    // carriers' queue), with its whole batch waiting meanwhile. Interleaved in one JVM (BENCHMARKS.md
    // section 5), the intake with writer threads measured 1.07 to 2.17 times the leaders' on JDK 17
    // and 0.98 to 2.97 on JDK 25, with none of the leaders' rounds that fell to a third. H2 (one JVM,
    // no round trip) keeps the leaders, as measured there.
    this.group =
        new GroupCommit<>(
            this::write,
            item -> item instanceof Intake intake ? intake.events().size() : 1,
            MAX_BATCH,
            WRITERS,
            store.dialect() == Dialect.POSTGRESQL ? "hrflow-inbox-commit-" : null);
  }

  /** Stops the threads that write, if any, once what waits is written; later writes fail. */
  public void close() {
    group.close();
  }

  /**
   * Stores {@code events}, all or none, and returns once they are committed.
   *
   * @return the ids stored (of this request and of others committed with it); an event of this
   *     request whose id is not among them was a duplicate of a stored one
   */
  public Set<String> intake(List<EventStore.Pending> events) throws SQLException {
    return group.write(new Intake(events)).stored();
  }

  /**
   * Deletes a handled event's execution at the version it was claimed at (and marks its event row
   * done), and returns once that is committed.
   *
   * @return whether the execution was still this node's, and is now deleted
   */
  public boolean complete(EventStore.Done done) throws SQLException {
    return group.write(new Completion(done)).completed();
  }

  /** What becomes of a completion submitted with {@link #completeLater}. */
  @FunctionalInterface
  public interface Completed {
    /** {@code failure} is null once the completion is committed; {@code completed} says whether the execution was still this node's. */
    void then(boolean completed, Exception failure);
  }

  /**
   * Submits a completion ({@link #complete}) without waiting for its commit, when one is in progress:
   * it goes with the next batch. {@code then} is called once it is committed or has failed.
   */
  public void completeLater(EventStore.Done done, Completed then) {
    group.submit(new Completion(done), (outcome, failure) -> then.then(outcome != null && outcome.completed(), failure));
  }

  private List<Outcome> write(List<Item> batch) throws SQLException {
    List<EventStore.Pending> events = new ArrayList<>();
    List<EventStore.Done> done = new ArrayList<>();
    for (Item item : batch) {
      if (item instanceof Intake intake) {
        events.addAll(intake.events());
      } else if (item instanceof Completion completion) {
        done.add(completion.done());
      }
    }
    EventStore.Written written;
    try {
      written = store.write(events, done, clock.instant());
    } catch (SQLException | RuntimeException e) {
      if (GroupCommit.unreachable(e)) {
        availability.failed(e);
      }
      throw e;
    }
    availability.succeeded();
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    int completion = 0;
    for (Item item : batch) {
      outcomes.add(item instanceof Intake ? new Outcome(written.stored(), false) : new Outcome(Set.of(), written.completed().get(completion++)));
    }
    return outcomes;
  }
}
