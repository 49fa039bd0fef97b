package ai.hrflow.webhook.inbox.internal;

import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The db-scheduler task that runs one stored event: one execution per pending event, its instance id
 * the event's id. db-scheduler claims it (on one node only), keeps its heartbeat, and revives it when
 * its node dies; this class loads the event, dispatches it, and applies the retry and dead-letter
 * policy when the handler throws.
 */
public final class EventTask {

  /** The executions table. */
  public static final String TABLE = "hrflow_inbox_task";

  /** The task's name in {@value #TABLE}. */
  public static final String NAME = "hrflow-inbox-event";

  /** How soon an execution is tried again when the inbox's own database failed it (no attempt counted). */
  static final Duration STORE_RETRY = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook.inbox");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LOGGED_TRACE_CHARS = 1500;

  private final EventStore store;
  private final WebhookDispatcher dispatcher;
  private final Backoff backoff;
  private final int maxAttempts;
  private final Observer observer;
  private final Clock clock;
  private final OneTimeTask<Void> task;

  /** What becomes of events, for the inbox's listener. */
  public interface Observer {
    /** A handler returned. */
    void handled(String type, int attempt, Duration waited, Duration took);

    /** A handler threw; {@code retryIn} is null when the event is now dead. */
    void failed(String type, int attempt, Throwable failure, Duration retryIn);
  }

  /** A handler threw: counted as an attempt. */
  static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient String type;

    HandlerFailure(String type, Throwable cause) {
      super(cause);
      this.type = type;
    }
  }

  /** The inbox's own database failed: not the handler's fault, no attempt counted. */
  static final class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreFailure(SQLException cause) {
      super(cause);
    }
  }

  /** The task that runs events of {@code store} through {@code dispatcher}. */
  public EventTask(EventStore store, WebhookDispatcher dispatcher, Backoff backoff, int maxAttempts, Observer observer, Clock clock) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
    this.observer = observer;
    this.clock = clock;
    this.task = Tasks.oneTime(NAME).onFailure(new RetryOrBury()).execute(this::run);
  }

  /** {@return the db-scheduler task} */
  public OneTimeTask<Void> task() {
    return task;
  }

  private void run(TaskInstance<Void> instance, ExecutionContext context) {
    Instant started = clock.instant();
    EventStore.Row row;
    try {
      row = store.load(instance.getId());
    } catch (SQLException e) {
      throw new StoreFailure(e);
    }
    if (row == null || !row.status().equals("PENDING")) {
      return; // handled already (the node died after marking it), dead, or deleted: nothing to run
    }
    long dispatched = System.nanoTime();
    try {
      dispatcher.dispatch(WebhookEvent.of(JSON.readTree(row.payload())));
    } catch (Exception | LinkageError | AssertionError e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new HandlerFailure(row.type(), e);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - dispatched);
    try {
      store.markDone(row.id(), clock.instant());
    } catch (SQLException e) {
      throw new StoreFailure(e); // the handler ran; it will run again (at least once)
    }
    Instant queued = context.getExecution().executionTime;
    observer.handled(row.type(), row.attempts() + 1, Duration.between(queued, started).isNegative() ? Duration.ZERO : Duration.between(queued, started), took);
    if (LOG.isLoggable(Level.DEBUG)) {
      LOG.log(Level.DEBUG, "inbox event {0} ({1}) handled on attempt {2} in {3} ms", row.id(), row.type(), row.attempts() + 1, took.toMillis());
    }
  }

  /** The retry and dead-letter policy. */
  private final class RetryOrBury implements FailureHandler<Void> {
    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
      String id = complete.getExecution().taskInstance.getId();
      Throwable cause = complete.getCause().orElse(null);
      Instant now = clock.instant();
      if (!(cause instanceof HandlerFailure failure)) {
        LOG.log(Level.WARNING, "inbox event " + id + " could not be run, its database failed; trying again in " + STORE_RETRY.toSeconds() + " s", cause);
        operations.reschedule(complete, now.plus(STORE_RETRY));
        return;
      }
      Throwable thrown = failure.getCause();
      int attempts;
      try {
        attempts = store.recordFailure(id, trace(thrown), now, maxAttempts);
      } catch (SQLException e) {
        // Left picked: db-scheduler's dead-execution detection runs it again later.
        throw new StoreFailure(e);
      }
      if (attempts == 0) {
        operations.stop(); // not pending any more
        return;
      }
      if (attempts >= maxAttempts) {
        LOG.log(
            Level.WARNING,
            "inbox event " + id + " (" + failure.type + ") is dead: its handler failed " + attempts + " times;"
                + " it is kept with its last error, and replayDead() (or the CLI's inbox replay) queues it again",
            thrown);
        observer.failed(failure.type, attempts, thrown, null);
        operations.stop();
        return;
      }
      Duration delay = backoff.after(attempts);
      String line =
          "inbox event " + id + " (" + failure.type + "): handler failed on attempt " + attempts + " of " + maxAttempts
              + ", next attempt in " + (delay.toMillis() < 10_000 ? delay.toMillis() + " ms" : delay.toSeconds() + " s") + ": " + thrown;
      if (attempts == 1) {
        LOG.log(Level.WARNING, line, thrown); // the stack trace once; later attempts say it again in one line
      } else {
        LOG.log(Level.WARNING, line);
      }
      observer.failed(failure.type, attempts, thrown, delay);
      operations.reschedule(complete, now.plus(delay));
    }
  }

  /** The exception and the start of its stack trace, as kept in {@code last_error}. */
  static String trace(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    String trace = text.toString();
    return trace.length() <= LOGGED_TRACE_CHARS ? trace : trace.substring(0, LOGGED_TRACE_CHARS) + "\n\t...";
  }
}
