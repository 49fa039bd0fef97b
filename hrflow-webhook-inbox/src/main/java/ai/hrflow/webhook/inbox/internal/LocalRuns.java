package ai.hrflow.webhook.inbox.internal;

import ai.hrflow.webhook.runtime.WebhookEvent;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events a node runs straight from its own intake. The intake stores their executions already
 * claimed by this node (as db-scheduler's claim leaves an execution), and hands the events, still in
 * memory, to this node's workers: no claim statement, no polling, no read of the payload back and no
 * second parse, for most events. Up to {@code capacity} such events, and {@code maxBytes} of their
 * JSON, are held at once (queued or running). When that many are held, an intake waits up to {@code
 * wait} for room: handlers that keep up free it within milliseconds, and a node that accepted more
 * than it can run would have to send the rest the costlier way, through db-scheduler's claims, which
 * slows its handlers further while its intake speeds up (BENCHMARKS.md section 5: backlogs of over
 * 100,000 events in ten seconds). Beyond the wait (handlers slower than that), a request's events are
 * stored unclaimed, for db-scheduler to claim on any node.
 *
 * <p>A held execution is this node's like one db-scheduler claimed: {@link #heartbeat} keeps it alive
 * (every heartbeat interval, as db-scheduler does for its own), and if the node dies its heartbeat
 * ages and db-scheduler's dead-execution check on any node revives it. When the inbox closes, events
 * not started yet are released at once ({@link #releaseUnstarted}) rather than left to age. Safe for
 * concurrent use.
 */
public final class LocalRuns {

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook.inbox");

  private final EventStore store;
  private final EventTask task;
  private final Executor workers;
  private final String node;
  private final int capacity;
  private final Semaphore room;
  private final long waitNanos;
  private final long maxBytes;
  private final AtomicLong heldBytes = new AtomicLong();
  private final ConcurrentHashMap<String, Boolean> held = new ConcurrentHashMap<>(); // id -> whether its handler started
  private final Queue<String> unstarted = new ConcurrentLinkedQueue<>();
  private volatile boolean stopping;

  /**
   * Runs events on {@code workers} (the same threads as db-scheduler's executions: {@code workers()}
   * bounds both together), as the node {@code node}, up to {@code capacity} events and {@code
   * maxBytes} of their JSON at once; an intake waits up to {@code wait} for room. A worker does not
   * wait for the commit that marks its event done ({@link EventTask#runClaimed}, which bounds how many
   * wait for it).
   */
  public LocalRuns(EventStore store, EventTask task, Executor workers, String node, int capacity, long maxBytes, Duration wait) {
    this.store = store;
    this.task = task;
    this.workers = workers;
    this.node = node;
    this.capacity = capacity;
    this.room = new Semaphore(capacity);
    this.maxBytes = maxBytes;
    this.waitNanos = wait.toNanos();
  }

  /** {@return the node name that claims the executions: {@code picked_by}} */
  public String node() {
    return node;
  }

  /**
   * Reserves room for {@code events} events of {@code bytes} of JSON in all, before their intake,
   * waiting for it up to the wait given at construction (not at all for more events than the
   * capacity, or more bytes than the budget leaves now).
   *
   * @return whether they may be stored claimed; if so, each is then either {@link #run} or {@link
   *     #unreserve}d
   */
  public boolean reserve(int events, long bytes) {
    if (stopping || events > capacity || !(room.tryAcquire(events) || awaitRoom(events))) {
      return false;
    }
    if (heldBytes.addAndGet(bytes) > maxBytes) {
      unreserve(events, bytes);
      return false;
    }
    return true;
  }

  /** Waits up to the wait for room for {@code events}; {@return whether it was taken} (never by a stopping node) */
  private boolean awaitRoom(int events) {
    try {
      if (waitNanos <= 0 || !room.tryAcquire(events, waitNanos, TimeUnit.NANOSECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the request is being cut off: store its events for any node
      return false;
    }
    if (stopping) {
      room.release(events); // stopped while waiting
      return false;
    }
    return true;
  }

  /** Gives back room reserved for events that were not stored (a failed intake, duplicates). */
  public void unreserve(int events, long bytes) {
    heldBytes.addAndGet(-bytes);
    room.release(events);
  }

  /**
   * Runs a stored event, claimed by this node, on a worker (reserved before).
   *
   * @param id its id and execution's
   * @param payload its JSON as stored (kept with it if it dies)
   * @param storedAt when its intake committed
   */
  public void run(String id, WebhookEvent event, byte[] payload, Instant storedAt) {
    held.put(id, Boolean.FALSE);
    try {
      workers.execute(() -> runNow(id, event, payload, storedAt));
    } catch (RejectedExecutionException closed) {
      unstarted.add(id);
      held.remove(id);
      unreserve(1, payload.length);
    }
  }

  private void runNow(String id, WebhookEvent event, byte[] payload, Instant storedAt) {
    Runnable settled =
        () -> {
          held.remove(id); // done, rescheduled, released, or left to age if the database failed
          unreserve(1, payload.length);
        };
    if (stopping) {
      unstarted.add(id); // released by releaseUnstarted: for another node, or the next start
      settled.run();
      return;
    }
    held.put(id, Boolean.TRUE);
    task.runClaimed(id, event, payload, storedAt, settled);
  }

  /** {@return how many events this node holds: stored claimed, not yet done} */
  public int held() {
    return held.size();
  }

  /**
   * Sets the heartbeat of every execution this node holds to {@code now}; logs a failure (the
   * executions then age, and run elsewhere if the database is back before this node's next
   * heartbeats).
   */
  public void heartbeat(Instant now) {
    List<String> ids = new ArrayList<>(held.keySet());
    try {
      store.heartbeat(ids, node, now);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "inbox: the heartbeat of " + ids.size() + " events this node is running could not be written; trying again", e);
    }
  }

  /** Stops taking events: {@link #reserve} refuses from now on, and events not started yet are not started. */
  public void stop() {
    stopping = true;
  }

  /**
   * Gives up this node's claim on the events it did not start (after {@link #stop()} and the workers
   * are done, or dropped what was queued), so that any node runs them at once; if the database cannot
   * be reached, they run once their heartbeat is old, like a dead node's.
   *
   * @return how many were released
   */
  public int releaseUnstarted() {
    List<String> ids = new ArrayList<>();
    for (String id; (id = unstarted.poll()) != null; ) {
      ids.add(id);
    }
    held.forEach(
        (id, started) -> {
          if (!started && held.remove(id, Boolean.FALSE)) {
            ids.add(id); // dropped from the workers' queue when they were stopped
          }
        });
    try {
      store.release(ids, node);
      return ids.size();
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "inbox: " + ids.size() + " events this node had not started could not be released; they run again once their heartbeat is old",
          e);
      return 0;
    }
  }
}
