package ai.hrflow.webhook.inbox;

import ai.hrflow.webhook.inbox.internal.Availability;
import ai.hrflow.webhook.inbox.internal.Backoff;
import ai.hrflow.webhook.inbox.internal.Commits;
import ai.hrflow.webhook.inbox.internal.Dialect;
import ai.hrflow.webhook.inbox.internal.EmbeddedDatabase;
import ai.hrflow.webhook.inbox.internal.EventIds;
import ai.hrflow.webhook.inbox.internal.EventStore;
import ai.hrflow.webhook.inbox.internal.EventTask;
import ai.hrflow.webhook.inbox.internal.GroupCommit;
import ai.hrflow.webhook.inbox.internal.LocalRuns;
import ai.hrflow.webhook.inbox.internal.Schema;
import ai.hrflow.webhook.inbox.internal.WorkerThreads;
import ai.hrflow.webhook.runtime.EventInbox;
import ai.hrflow.webhook.runtime.InboxUnavailableException;
import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookEvent;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A durable inbox for webhook events: the receiver commits each request's events here before it
 * answers 200, and the inbox's workers run their handlers afterwards, off the request, retrying a
 * handler that throws with exponential back-off and jitter, up to {@code maxAttempts}, after which the
 * event is dead: kept with its last error, counted in {@link #stats()}, replayable with {@link
 * #replayDead()}.
 *
 * <pre>{@code
 * WebhookInbox inbox = WebhookInbox.builder()
 *     .dispatcher(new RecruitingHooksDispatcher(new MyHooks()))
 *     .build();                                   // embedded, in ./hrflow-inbox
 * WebhookReceiver receiver = WebhookReceiver.builder()
 *     .secret(System.getenv("HRFLOW_WEBHOOK_SECRET"))
 *     .dispatcher(new RecruitingHooksDispatcher(new MyHooks()))
 *     .inbox(inbox)
 *     .build();
 * }</pre>
 *
 * <p><b>Semantics.</b> A request's events are stored in one transaction, all or none; the receiver
 * answers 200 only after the commit, and 503 with {@code Retry-After} when the database cannot take
 * them. Each stored event reaches its handler at least once: a JVM killed at any moment loses no
 * stored event, and the events it held (running, or queued for its workers: up to four times {@code
 * workers} of those it stored itself, and as many claimed from the queue) run again (on another node,
 * or on this one restarted) once their heartbeat is {@link #DEAD_NODE_AFTER} old, within a minute. A
 * handler may therefore run twice for one event when its node dies mid-handler (at most {@code
 * workers} events); order is not guaranteed. With {@code deduplicate(true)}, an event delivered
 * again (same type and JSON) is acknowledged and stored once, across every node sharing the
 * database, for as long as the {@code retention} keeps it.
 *
 * <p><b>Engine.</b> The queue is <a href="https://github.com/kagkarlsson/db-scheduler">db-scheduler</a>:
 * one execution per pending event in {@code hrflow_inbox_task}, claimed by one node (with {@code SKIP
 * LOCKED} on PostgreSQL), with heartbeats and the recovery of a dead node's executions; the
 * execution carries the event's payload as received. The node that stores an event runs it itself,
 * from memory: its intake stores the execution already claimed by the node, which keeps its heartbeat
 * (up to four times {@code workers} at once, and 32 MiB of their JSON; when it holds that many, a
 * request waits up to 50 ms for room, and beyond that its events are stored for any node to claim).
 * Retries go through the queue. {@code hrflow_inbox_event} keeps what
 * an execution does not: deduplication keys, last errors, dead events (and, on H2, every event until
 * handled). Both tables are created on start (idempotently); the scripts are in this jar, {@code
 * ai/hrflow/webhook/inbox/schema-postgresql.sql} and {@code schema-h2.sql}.
 *
 * <p>Without a data source the inbox runs on an embedded H2 database in {@code ./hrflow-inbox} (one
 * JVM). A fleet shares one PostgreSQL database: every node builds an inbox on it, and any node runs
 * any event. Safe for concurrent use.
 */
public final class WebhookInbox implements EventInbox, AutoCloseable {

  /**
   * The default number of handlers running at once, per node: 64. A worker stays with its event until
   * the event is marked done (one commit, shared with the other workers'), so that a node that dies
   * leaves at most this many events run but not marked done; a node's rate is therefore bounded by
   * workers / (handler time + commit time). On two cores with PostgreSQL, 32 workers fell behind the
   * node's own intake in most rounds of BENCHMARKS.md section 5 (backlogs of tens of thousands of
   * events), 64 in one round in five.
   */
  public static final int DEFAULT_WORKERS = 64;

  /** The default number of attempts before an event is dead: 10 (about two and a half hours of retries). */
  public static final int DEFAULT_MAX_ATTEMPTS = 10;

  /** The default delay before the second attempt: 10 s, doubling from there. */
  public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(10);

  /** The default longest delay between attempts: 1 hour. */
  public static final Duration DEFAULT_MAX_RETRY = Duration.ofHours(1);

  /** How long a handled event is remembered (for deduplication) by default: 7 days. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /** How often an idle node looks for due events by default: every 2 s. */
  public static final Duration DEFAULT_POLLING_INTERVAL = Duration.ofSeconds(2);

  /** How long {@link #close()} waits for running handlers by default: 30 s. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  /** How often a node marks the events it is running as alive. */
  static final Duration HEARTBEAT = Duration.ofSeconds(5);

  /** Heartbeats missed before a node's running events count as dead and run again elsewhere. */
  static final int MISSED_HEARTBEATS = 6;

  /**
   * How old a running event's heartbeat is when it counts as dead (its node gone) and runs again: 30
   * s. The next check for dead executions comes within two heartbeats, and a node picks the revived
   * event up within its polling interval: a killed node's events run again within about 45 s.
   */
  public static final Duration DEAD_NODE_AFTER = HEARTBEAT.multipliedBy(MISSED_HEARTBEATS);

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook.inbox");
  private static final String CLEANUP_TASK = "hrflow-inbox-cleanup";
  private static final int CLEANUP_BATCH = 10_000;
  private static final long HINT_MILLIS = 20;
  private static final double CLAIM_FACTOR = 4.0;
  /** The most JSON a node holds in memory, of the events it stored to run itself: 32 MiB. */
  private static final long HELD_BYTES = 32L << 20;
  /**
   * How long an intake waits for room among the events its node runs itself, when the node holds as
   * many as it may: 50 ms, a few hundred handled events at full speed, and an unnoticeable delay to
   * HrFlow when handlers are slower than that (the events are then stored for any node).
   */
  private static final Duration ROOM_WAIT = Duration.ofMillis(50);

  /** How long {@link #close()} waits for the commits that mark the last handled events done: they take milliseconds. */
  private static final Duration SETTLE_WAIT = Duration.ofSeconds(10);

  private final Dialect dialect;
  private final EventStore store;
  private final Commits commits;
  private final EventTask events;
  private final LocalRuns local;
  private final InboxAdmin admin;
  private final Availability availability;
  private final Scheduler scheduler;
  private final InboxListener listener;
  private final boolean deduplicate;
  private final Clock clock;
  private final JdbcConnectionPool embedded;
  private final String description;
  private final ScheduledExecutorService hints;
  private final AtomicBoolean hinted = new AtomicBoolean();
  private volatile boolean closed;

  private WebhookInbox(Builder builder, DataSource data, Dialect dialect, JdbcConnectionPool embedded) {
    this.dialect = dialect;
    this.embedded = embedded;
    this.clock = builder.clock;
    this.listener = builder.listener;
    this.deduplicate = builder.deduplicate;
    this.store = new EventStore(data, dialect);
    this.availability = new Availability(System::nanoTime);
    this.commits = new Commits(store, clock, availability);
    this.admin = new InboxAdmin(data, dialect, clock);
    Backoff backoff = new Backoff(builder.firstRetry, builder.maxRetry, () -> ThreadLocalRandom.current().nextDouble());
    this.events = new EventTask(store, commits, builder.dispatcher, backoff, builder.maxAttempts, new Observer(builder.listener), clock, builder.workers);
    ExecutorService workers = WorkerThreads.pool(builder.workers, "hrflow-inbox-worker-");
    String node = nodeName();
    this.local = new LocalRuns(store, events, workers, node, (int) (builder.workers * CLAIM_FACTOR), HELD_BYTES, ROOM_WAIT);
    Duration retention = builder.retention;
    RecurringTask<Void> cleanup =
        Tasks.recurring(CLEANUP_TASK, FixedDelay.of(Duration.ofMinutes(10))).execute((instance, context) -> deleteHandled(retention));
    SchedulerBuilder scheduling =
        Scheduler.create(data, events.task())
            .startTasks(cleanup)
            .tableName(EventTask.TABLE)
            .serializer(EventTask.PAYLOAD)
            .threads(builder.workers)
            .executorService(workers)
            .pollingInterval(builder.pollingInterval)
            .heartbeatInterval(HEARTBEAT)
            .missedHeartbeatsLimit(MISSED_HEARTBEATS)
            .schedulerName(new SchedulerName.Fixed(node))
            .shutdownMaxWait(builder.shutdownTimeout)
            .failureLogging(LogLevel.DEBUG, false); // our own lines say what failed, and what happens next
    // On PostgreSQL, claim due executions in batches, one statement per batch (SKIP LOCKED, so nodes
    // never wait on each other), rather than one commit per execution. A node holds up to
    // CLAIM_FACTOR x workers claimed executions and claims more when no more than its worker count are
    // left: its workers never wait for a claim, and one claim carries up to (CLAIM_FACTOR - 1) x
    // workers executions. Claimed executions that have not started yet run elsewhere if the node
    // dies, once, like its running ones.
    // H2 has no SKIP LOCKED: db-scheduler's default there (fetch due executions, then claim each with
    // an optimistic update) measured six times faster than claiming batches with FOR UPDATE.
    if (dialect == Dialect.POSTGRESQL) {
      scheduling.pollUsingLockAndFetch(1.0, CLAIM_FACTOR);
    }
    this.scheduler = scheduling.build();
    this.hints =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "hrflow-inbox-hints");
              thread.setDaemon(true);
              return thread;
            });
    long beat = HEARTBEAT.toMillis();
    hints.scheduleAtFixedRate(() -> local.heartbeat(clock.instant()), beat, beat, TimeUnit.MILLISECONDS);
    this.description =
        "WebhookInbox[" + (embedded != null ? "embedded H2" : dialect == Dialect.POSTGRESQL ? "PostgreSQL" : "H2") + ", workers=" + builder.workers
            + ", maxAttempts=" + builder.maxAttempts + ", retries " + builder.firstRetry + ".." + builder.maxRetry + ", deduplicate="
            + builder.deduplicate + "]";
  }

  /** {@return a builder; {@link Builder#dispatcher} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Stores a request's events in one transaction; returns once they are committed.
   *
   * @throws InboxUnavailableException if the database cannot take them now, or the inbox is closed:
   *     nothing was stored
   */
  @Override
  public void store(List<WebhookEvent> events) throws InboxUnavailableException {
    if (closed) {
      throw new InboxUnavailableException("the inbox is closed", null);
    }
    if (!availability.mayTry(store::ping)) {
      throw new InboxUnavailableException(Availability.UNREACHABLE + " (it failed within the last second)", null);
    }
    // Stored claimed by this node and run here, straight from memory, while its workers keep up;
    // otherwise stored for any node to claim.
    List<byte[]> payloads = new ArrayList<>(events.size());
    long bytes = 0;
    for (WebhookEvent event : events) {
      byte[] payload = event.jsonBytes();
      payloads.add(payload);
      bytes += payload.length;
    }
    boolean runHere = local.reserve(events.size(), bytes);
    String claimedBy = runHere ? local.node() : null;
    List<EventStore.Pending> rows = new ArrayList<>(events.size());
    long now = clock.millis();
    for (int i = 0; i < events.size(); i++) {
      WebhookEvent event = events.get(i);
      rows.add(new EventStore.Pending(EventIds.next(now), deduplicate ? event.fingerprint() : null, event.type(), payloads.get(i), claimedBy));
    }
    Set<String> stored;
    try {
      stored = intake(rows); // its commit told availability the database answered
    } catch (SQLException | RuntimeException e) {
      if (runHere) {
        local.unreserve(rows.size(), bytes);
      }
      availability.failed(e);
      throw new InboxUnavailableException("the inbox database could not store the events: " + e, e);
    }
    Instant storedAt = clock.instant();
    int count = 0;
    for (int i = 0; i < rows.size(); i++) {
      EventStore.Pending row = rows.get(i);
      if (!stored.contains(row.id())) {
        if (runHere) {
          local.unreserve(1, row.payload().length); // a duplicate of a stored event
        }
      } else {
        count++;
        if (runHere) {
          local.run(row.id(), events.get(i), row.payload(), storedAt);
        }
      }
    }
    if (count > 0 && !runHere) {
      hintWorkers();
    }
    int storedCount = count;
    notify(() -> listener.eventsStored(storedCount, rows.size() - storedCount));
  }

  /** Stores the events; tries again after a deadlock or a serialization failure. */
  private Set<String> intake(List<EventStore.Pending> rows) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return commits.intake(rows);
      } catch (SQLException e) {
        String state = e.getSQLState();
        boolean conflict = "40001".equals(state) || "40P01".equals(state);
        if (!conflict || attempt == 3) {
          throw e;
        }
      }
    }
  }

  /**
   * Tells this node's workers that events are due, at most every {@value #HINT_MILLIS} ms: a node runs
   * the events it stores without waiting for its polling interval, and a burst of requests costs one
   * look for due events, not one per request.
   */
  private void hintWorkers() {
    if (hinted.compareAndSet(false, true)) {
      try {
        hints.schedule(
            () -> {
              hinted.set(false);
              scheduler.triggerCheckForDueExecutions();
            },
            HINT_MILLIS,
            TimeUnit.MILLISECONDS);
      } catch (RuntimeException closing) {
        hinted.set(false); // closed meanwhile: polling finds the events
      }
    }
  }

  /**
   * {@return null while the database takes events, else why not} Probes the database at most once a
   * second, however often it is called; details of a failure go to the log, not into the reason.
   */
  @Override
  public String unavailableReason() {
    return closed ? "the inbox is closed" : availability.reason(store::ping);
  }

  /**
   * Counts pending and dead events, and the age of the oldest pending one: two indexed queries.
   *
   * @throws SQLException if the database cannot be reached
   */
  public InboxStats stats() throws SQLException {
    return admin.stats();
  }

  /**
   * The first {@code limit} dead events, the oldest first, with their attempts and last error.
   *
   * @throws SQLException if the database cannot be reached
   */
  public List<DeadEvent> deadEvents(int limit) throws SQLException {
    return admin.deadEvents(limit);
  }

  /**
   * The counts and the oldest {@code limit} pending and dead events, with their attempts and last
   * errors: what the embedded server's delivery console shows.
   *
   * @throws SQLException if the database cannot be reached
   */
  @Override
  public Snapshot snapshot(int limit) throws SQLException {
    InboxStats stats = admin.stats();
    return new Snapshot(stats.pending(), stats.retrying(), stats.dead(), stats.oldestPendingAge(), entries(store.pending(limit)), entries(store.dead(limit)));
  }

  private static List<Entry> entries(List<EventStore.Listed> rows) {
    List<Entry> entries = new ArrayList<>(rows.size());
    for (EventStore.Listed row : rows) {
      entries.add(new Entry(row.id(), row.type(), row.attempts(), row.lastError(), row.receivedAt()));
    }
    return entries;
  }

  /**
   * Queues every dead event again, with its attempts reset: for after the downstream that failed them
   * is fixed. Events are replayed in transactions of a few hundred.
   *
   * @return how many were queued again
   * @throws SQLException if the database cannot be reached (the batches committed before stay queued)
   */
  @Override
  public int replayDead() throws SQLException {
    int replayed = admin.replayDead();
    if (replayed > 0) {
      hintWorkers();
    }
    return replayed;
  }

  /**
   * Stops taking events (the receiver answers 503 from now on) and stops the workers, letting running
   * handlers finish (up to the shutdown timeout); closes the embedded database. Events not yet run
   * stay stored, and run at the next start or on another node: those this node stored and had not
   * started are released at once, for any node to claim.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    local.stop(); // events this node stored and did not start yet are released, below
    scheduler.stop(); // lets running handlers finish, up to the shutdown timeout; heartbeats go on meanwhile
    if (!events.awaitSettled(SETTLE_WAIT)) {
      LOG.log(Level.WARNING, "inbox: some handled events could not be marked done before closing; they run again once their heartbeat is old");
    }
    local.releaseUnstarted();
    commits.close();
    hints.shutdownNow();
    if (embedded != null) {
      embedded.dispose();
    }
    LOG.log(Level.INFO, "inbox closed");
  }

  private int deleteHandled(Duration retention) {
    Instant before = clock.instant().minus(retention);
    int total = 0;
    try {
      for (int deleted = CLEANUP_BATCH; deleted == CLEANUP_BATCH; total += deleted) {
        deleted = store.deleteHandled(before, CLEANUP_BATCH);
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "inbox: handled events past their retention could not be deleted; trying again later", e);
    }
    return total;
  }

  /** Host name and process id: several JVMs on one host are distinct nodes. */
  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    String name = host + "#" + ProcessHandle.current().pid();
    return name.length() <= 50 ? name : name.substring(name.length() - 50);
  }

  private static void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "inbox listener failed; ignored", e);
    }
  }

  /** The listener, guarded: an exception there never fails an event. */
  private static final class Observer implements EventTask.Observer {
    private final InboxListener listener;

    Observer(InboxListener listener) {
      this.listener = listener;
    }

    @Override
    public void handled(String type, int attempt, Duration waited, Duration took) {
      WebhookInbox.notify(() -> listener.eventHandled(type, attempt, waited, took));
    }

    @Override
    public void failed(String type, int attempt, Throwable failure, Duration retryIn) {
      WebhookInbox.notify(() -> listener.eventFailed(type, attempt, failure, retryIn));
    }
  }

  @Override
  public String toString() {
    return description;
  }

  /** Configures a {@link WebhookInbox}. */
  public static final class Builder {
    private DataSource dataSource;
    private Path embeddedFolder;
    private WebhookDispatcher dispatcher;
    private int workers = DEFAULT_WORKERS;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration firstRetry = DEFAULT_FIRST_RETRY;
    private Duration maxRetry = DEFAULT_MAX_RETRY;
    private boolean deduplicate;
    private Duration retention = DEFAULT_RETENTION;
    private Duration pollingInterval = DEFAULT_POLLING_INTERVAL;
    private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
    private boolean createSchema = true;
    private InboxListener listener = InboxListener.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The database to store events in: PostgreSQL (give it a pool, such as HikariCP's, with room for
     * the concurrent requests and the workers) or H2. Without one, the inbox is embedded.
     *
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Runs on an embedded H2 database in files under {@code folder} (created, readable by its owner
     * only), rather than in {@code ./hrflow-inbox}. One JVM per folder.
     *
     * @return this builder
     */
    public Builder embedded(Path folder) {
      this.embeddedFolder = Objects.requireNonNull(folder, "folder");
      return this;
    }

    /**
     * The dispatcher the workers run events through, such as {@code new
     * RecruitingHooksDispatcher(handler)}.
     *
     * @return this builder
     */
    public Builder dispatcher(WebhookDispatcher dispatcher) {
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
      return this;
    }

    /**
     * How many handlers run at once on this node; default {@value #DEFAULT_WORKERS}. Also the most
     * events a node killed mid-work can leave to run a second time. The node holds up to four times
     * this many of the events it stores, to run itself.
     *
     * @return this builder
     */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("an inbox has at least one worker, not " + workers);
      }
      this.workers = workers;
      return this;
    }

    /**
     * How many times a handler runs for one event before the event is dead; default {@value
     * #DEFAULT_MAX_ATTEMPTS}. 1 means no retry.
     *
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("an event gets at least one attempt, not " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The delay before the second attempt, doubling for each later one up to {@code max}, each with
     * up to half of it taken off at random (jitter); default 10 s to 1 hour.
     *
     * @return this builder
     */
    public Builder retryDelay(Duration first, Duration max) {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(max, "max");
      new Backoff(first, max, () -> 0); // checks them
      this.firstRetry = first;
      this.maxRetry = max;
      return this;
    }

    /**
     * Whether an event delivered again (same type and JSON) is acknowledged without being stored
     * again, for as long as the first delivery is retained; off by default (HrFlow sends no event id,
     * so two distinct events with identical JSON would count as one). Every node sharing the database
     * shares it.
     *
     * @return this builder
     */
    public Builder deduplicate(boolean deduplicate) {
      this.deduplicate = deduplicate;
      return this;
    }

    /**
     * How long a handled event's row is kept (without its payload), which is how long deduplication
     * remembers it; default 7 days. Dead events are kept until replayed.
     *
     * @return this builder
     */
    public Builder retention(Duration retention) {
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("the retention is positive, not " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * How often an idle node looks for due events (retries, and events other nodes stored); default 2
     * s. A node runs the events it stores at once, without waiting for this.
     *
     * @return this builder
     */
    public Builder pollingInterval(Duration pollingInterval) {
      if (pollingInterval.toMillis() < 100) {
        throw new IllegalArgumentException("poll at most every 100 ms, not every " + pollingInterval);
      }
      this.pollingInterval = pollingInterval;
      return this;
    }

    /**
     * How long {@link #close()} waits for running handlers; default 30 s.
     *
     * @return this builder
     */
    public Builder shutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
      return this;
    }

    /**
     * Whether the inbox creates its tables on start (idempotently; the default), or only checks that
     * they exist, for teams that run the shipped schema script themselves.
     *
     * @return this builder
     */
    public Builder createSchema(boolean createSchema) {
      this.createSchema = createSchema;
      return this;
    }

    /**
     * Observes events stored, handled and failed (metrics, tracing); none by default.
     *
     * @return this builder
     */
    public Builder listener(InboxListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The clock for timestamps and retry times; tests set it. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Opens the database (creating the embedded one, and the tables, if needed) and starts the
     * workers; events stored before, by this node or a dead one, start running.
     *
     * @throws IllegalStateException if no dispatcher was given, both a data source and an embedded
     *     folder were, the database cannot be reached, or its tables are missing with {@code
     *     createSchema(false)}
     */
    public WebhookInbox build() {
      if (dispatcher == null) {
        throw new IllegalStateException(
            "set the dispatcher the workers run events through: WebhookInbox.builder().dispatcher(new YourHooksDispatcher(handler))");
      }
      if (dataSource != null && embeddedFolder != null) {
        throw new IllegalStateException("choose one database: dataSource(...) for PostgreSQL, or embedded(folder), not both");
      }
      JdbcConnectionPool pool =
          dataSource == null ? EmbeddedDatabase.open(embeddedFolder == null ? EmbeddedDatabase.DEFAULT_FOLDER : embeddedFolder, 64 + workers) : null;
      DataSource target = pool != null ? pool : dataSource;
      try {
        Dialect dialect = Dialect.of(target);
        if (createSchema) {
          Schema.create(target, dialect);
        } else {
          Schema.verify(target, dialect);
        }
        WebhookInbox inbox = new WebhookInbox(this, target, dialect, pool);
        if (dialect == Dialect.H2) {
          int requeued = inbox.store.requeueOrphans(clock.instant());
          if (requeued > 0) {
            LOG.log(
                Level.WARNING,
                "inbox: {0} stored events had lost their queue entries (the H2 database was not closed cleanly); they are queued again",
                requeued);
          }
        }
        inbox.scheduler.start();
        LOG.log(
            Level.INFO,
            "inbox started on {0}: {1} workers ({7} threads), up to {2} attempts per event (retries from {3} s to {4} s), deduplication {5};"
                + " a dead node''s events run again after {6} s",
            pool != null ? "an embedded H2 database in " + (embeddedFolder == null ? EmbeddedDatabase.DEFAULT_FOLDER : embeddedFolder).toAbsolutePath().normalize() : dialect == Dialect.POSTGRESQL ? "PostgreSQL" : "H2",
            workers,
            maxAttempts,
            firstRetry.toSeconds(),
            maxRetry.toSeconds(),
            deduplicate ? "on" : "off",
            DEAD_NODE_AFTER.toSeconds(),
            WorkerThreads.virtual() ? "virtual" : "platform");
        return inbox;
      } catch (SQLException e) {
        if (pool != null) {
          pool.dispose();
        }
        throw new IllegalStateException(
            (GroupCommit.unreachable(e) ? "the inbox database cannot be reached: " : "the inbox could not start on its database: ") + e.getMessage(), e);
      } catch (RuntimeException e) {
        if (pool != null) {
          pool.dispose();
        }
        throw e;
      }
    }

    @Override
    public String toString() {
      return "WebhookInbox.Builder[" + (dataSource != null ? "dataSource" : "embedded") + "]";
    }
  }
}
