package ai.hrflow.webhook.inbox.internal;

import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The db-scheduler task that runs one stored event: one execution per pending event, its instance id
 * the event's id, its data the event's JSON. db-scheduler claims it (on one node only), hands it over
 * with its payload, keeps its heartbeat, and revives it when its node dies; this class dispatches it,
 * marks it done and deletes its execution in one statement (group-committed with the other workers'),
 * and applies the retry and dead-letter policy when the handler throws. The attempt count is
 * db-scheduler's count of failures of the execution, plus one.
 */
public final class EventTask {

  /** The executions table. */
  public static final String TABLE = "hrflow_inbox_task";

  /** The task's name in {@value #TABLE}. */
  public static final String NAME = "hrflow-inbox-event";

  /** Execution data is the event's JSON, as bytes, unchanged: no Java serialization in the database. */
  public static final Serializer PAYLOAD =
      new Serializer() {
        @Override
        public byte[] serialize(Object data) {
          if (data == null || data instanceof byte[]) {
            return (byte[]) data;
          }
          throw new IllegalArgumentException("inbox executions carry an event's JSON as bytes, not " + data.getClass().getName());
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] data) {
          return type.cast(data);
        }
      };

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook.inbox");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LOGGED_TRACE_CHARS = 1500;

  private final EventStore store;
  private final WebhookDispatcher dispatcher;
  private final Backoff backoff;
  private final int maxAttempts;
  private final Observer observer;
  private final Clock clock;
  private final Commits commits;
  private final int maxUnsettled;
  private final Semaphore unsettled;
  private final ThreadLocal<Boolean> holding = new ThreadLocal<>(); // this worker holds a permit for a db-scheduler execution
  private final CustomTask<byte[]> task;

  /** What becomes of events, for the inbox's listener. */
  public interface Observer {
    /** A handler returned. */
    void handled(String type, int attempt, Duration waited, Duration took);

    /** A handler threw; {@code retryIn} is null when the event is now dead. */
    void failed(String type, int attempt, Throwable failure, Duration retryIn);
  }

  /** A handler threw (or the payload could not be read): counted as an attempt. */
  static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient String type;

    HandlerFailure(String type, Throwable cause) {
      super(cause);
      this.type = type;
    }
  }

  /**
   * The task that runs events of {@code store} through {@code dispatcher}, marking them done through
   * {@code commits}, with at most {@code maxUnsettled} events (the worker count) started and not yet
   * marked done (or their failure recorded) at once: a worker that ran an event its node stored does
   * not wait for the commit that marks it done ({@link #runClaimed}), and a node killed at any moment
   * must leave no more events to run twice than it has workers.
   */
  public EventTask(
      EventStore store, Commits commits, WebhookDispatcher dispatcher, Backoff backoff, int maxAttempts, Observer observer, Clock clock, int maxUnsettled) {
    this.maxUnsettled = maxUnsettled;
    this.unsettled = new Semaphore(maxUnsettled);
    this.store = store;
    this.dispatcher = dispatcher;
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
    this.observer = observer;
    this.clock = clock;
    this.commits = commits;
    this.task =
        Tasks.custom(NAME, byte[].class)
            .onFailure(new RetryOrBury())
            .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
            .execute(this::run);
  }

  /** {@return the db-scheduler task} */
  public CustomTask<byte[]> task() {
    return task;
  }

  private CompletionHandler<byte[]> run(TaskInstance<byte[]> instance, ExecutionContext context) {
    unsettled.acquireUninterruptibly(); // released by the completion handler below or by RetryOrBury, whichever db-scheduler calls next on this thread
    holding.set(Boolean.TRUE);
    Instant started = clock.instant();
    Execution execution = context.getExecution();
    int attempt = execution.consecutiveFailures + 1;
    byte[] payload = instance.getData();
    String type = "(unreadable)";
    long dispatched = System.nanoTime();
    try {
      WebhookEvent event = WebhookEvent.of(JSON.readTree(payload));
      type = event.type();
      dispatcher.dispatch(event);
    } catch (Exception | LinkageError | AssertionError e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new HandlerFailure(type, e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - dispatched);
    String handledType = type;
    return (complete, operations) -> {
      try {
        markDone(instance.getId(), execution.version, attempt, handledType, execution.executionTime, started, took);
      } catch (SQLException e) {
        // db-scheduler logs it and leaves the execution picked: it runs again once its heartbeat is old
        throw new IllegalStateException("inbox event " + instance.getId() + " was handled but could not be marked done; it will run again", e);
      } finally {
        releaseHeld();
      }
    };
  }

  /**
   * Runs an event that this node's intake stored already claimed ({@link EventStore#CLAIMED_VERSION},
   * first attempt), with the event as the request carried it: no claim, no read of the execution, no
   * second parse. What follows is what follows a claimed execution: marked done, or the retry and
   * dead-letter policy, the retry through db-scheduler like any other. If the database cannot record
   * the outcome, the execution stays claimed, and runs again once the node stops keeping its heartbeat.
   *
   * <p>The worker does not wait for the commit that marks the event done: the completion goes with the
   * next batch of the group commit, and {@code settled} runs once it is committed (or could not be);
   * on every other path, before this returns. The caller bounds how many handled events wait for that
   * commit at once.
   *
   * @param due when the event was stored
   * @param settled run once, when the event's outcome is recorded or could not be
   */
  public void runClaimed(String id, WebhookEvent event, byte[] payload, Instant due, Runnable settled) {
    unsettled.acquireUninterruptibly();
    Runnable once =
        once(
            () -> {
              try {
                settled.run();
              } finally {
                unsettled.release();
              }
            });
    boolean later = false;
    try {
      Instant started = clock.instant();
      long dispatched = System.nanoTime();
      try {
        dispatcher.dispatch(event);
      } catch (Exception | LinkageError | AssertionError e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        try {
          failed(id, EventStore.CLAIMED_VERSION, 1, event.type(), e, payload, next -> store.reschedule(id, EventStore.CLAIMED_VERSION, next, clock.instant(), 1));
        } catch (SQLException | RuntimeException recording) {
          LOG.log(Level.WARNING, "inbox event " + id + " (" + event.type() + "): its failure could not be recorded; it will run again", recording);
        }
        return;
      }
      handled(id, 1, event.type(), due, started, Duration.ofNanos(System.nanoTime() - dispatched)); // on this worker, not the committing thread
      later = true;
      commits.completeLater(
          new EventStore.Done(id, EventStore.CLAIMED_VERSION, 1),
          (completed, failure) -> {
            try {
              if (failure != null) {
                LOG.log(Level.WARNING, "inbox event " + id + " (" + event.type() + ") was handled but could not be marked done; it will run again", failure);
              }
            } finally {
              once.run();
            }
          });
    } finally {
      if (!later) {
        once.run();
      }
    }
  }

  /**
   * Waits up to {@code timeout} until every event started has its outcome committed (or its commit
   * failed); {@return whether they all had}
   */
  public boolean awaitSettled(Duration timeout) {
    try {
      if (unsettled.tryAcquire(maxUnsettled, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        unsettled.release(maxUnsettled);
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Gives back the permit this thread took for a db-scheduler execution, once. */
  private void releaseHeld() {
    if (holding.get() != null) {
      holding.remove();
      unsettled.release();
    }
  }

  /** {@code action}, run at most once however often it is called. */
  private static Runnable once(Runnable action) {
    AtomicBoolean ran = new AtomicBoolean();
    return () -> {
      if (ran.compareAndSet(false, true)) {
        action.run();
      }
    };
  }

  /** Marks a handled event done (group-committed with the other workers'), and tells the observer. */
  private void markDone(String id, long version, int attempt, String type, Instant due, Instant started, Duration took) throws SQLException {
    commits.complete(new EventStore.Done(id, version, attempt));
    handled(id, attempt, type, due, started, took);
  }

  /** Tells the observer (and the debug log) that a handler returned. */
  private void handled(String id, int attempt, String type, Instant due, Instant started, Duration took) {
    Duration waited = Duration.between(due, started);
    observer.handled(type, attempt, waited.isNegative() ? Duration.ZERO : waited, took);
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "inbox event {0} ({1}) handled on attempt {2} in {3} ms", id, type, attempt, took.toMillis());
    }
  }

  /** Schedules a failed event's next attempt. */
  @FunctionalInterface
  private interface NextAttempt {
    void at(Instant next) throws SQLException;
  }

  /**
   * The retry and dead-letter policy, for a failed attempt of the execution {@code id} claimed at
   * {@code version}: dead after {@code maxAttempts} (kept with its payload and last error), else the
   * failure recorded and the next attempt scheduled, after the back-off, through {@code next}.
   */
  private void failed(String id, long version, int attempts, String type, Throwable thrown, byte[] payload, NextAttempt next) throws SQLException {
    Instant now = clock.instant();
    if (attempts >= maxAttempts) {
      if (store.bury(id, version, type, attempts, trace(thrown), payload, now)) {
        LOG.log(
            Level.WARNING,
            "inbox event " + id + " (" + type + ") is dead: its handler failed " + attempts + " times;"
                + " it is kept with its last error, and replayDead() (or the CLI's inbox replay) queues it again",
            thrown);
        observer.failed(type, attempts, thrown, null);
      }
      return;
    }
    store.recordFailure(id, version, type, attempts, trace(thrown), now);
    Duration delay = backoff.after(attempts);
    String line =
        "inbox event " + id + " (" + type + "): handler failed on attempt " + attempts + " of " + maxAttempts + ", next attempt in "
            + (delay.toMillis() < 10_000 ? delay.toMillis() + " ms" : delay.toSeconds() + " s") + ": " + thrown;
    if (attempts == 1) {
      LOG.log(Level.WARNING, line, thrown); // the stack trace once; later attempts say it again in one line
    } else {
      LOG.log(Level.WARNING, line);
    }
    observer.failed(type, attempts, thrown, delay);
    next.at(now.plus(delay));
  }

  /** The retry and dead-letter policy, for executions db-scheduler claimed. */
  private final class RetryOrBury implements FailureHandler<byte[]> {
    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<byte[]> operations) {
      try {
        recordFailure(complete, operations);
      } finally {
        releaseHeld(); // acquired by run(), which threw
      }
    }

    private void recordFailure(ExecutionComplete complete, ExecutionOperations<byte[]> operations) {
      Execution execution = complete.getExecution();
      String id = execution.taskInstance.getId();
      Throwable cause = complete.getCause().orElse(null);
      Throwable thrown = cause instanceof HandlerFailure failure ? failure.getCause() : cause;
      String type = cause instanceof HandlerFailure failure ? failure.type : "(unknown)";
      try {
        failed(
            id,
            execution.version,
            execution.consecutiveFailures + 1,
            type,
            thrown,
            (byte[]) execution.taskInstance.getData(),
            next -> operations.reschedule(complete, next));
      } catch (SQLException e) {
        // Left picked: db-scheduler's dead-execution detection runs it again later.
        throw new IllegalStateException("inbox event " + id + ": its failure could not be recorded", e);
      }
    }
  }

  /** The exception and the start of its stack trace, as kept in {@code last_error}. */
  static String trace(Throwable thrown) {
    if (thrown == null) {
      return null;
    }
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    String trace = text.toString();
    return trace.length() <= LOGGED_TRACE_CHARS ? trace : trace.substring(0, LOGGED_TRACE_CHARS) + "\n\t...";
  }
}
