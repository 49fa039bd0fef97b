package ai.hrflow.webhook.inbox.internal;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Marks handled events done from one thread of its own, in batches, so that a worker goes on to its
 * next event as soon as its handler returns instead of waiting for a commit: a node's handling rate
 * is then its workers' rate, not its workers divided by the database's commit time.
 *
 * <p>What is queued here is not yet durable: if the node dies first, the event's execution is still
 * claimed in the database and runs again once its heartbeat is old, as any event running on a dead
 * node does (at least once). The queue is bounded: when the database falls behind, workers wait here.
 * A batch that cannot be written is logged and dropped, with the same outcome. {@link #close()}
 * writes what is queued before it returns.
 */
public final class Completions implements AutoCloseable {

  /** What happens once an event is marked done. */
  public interface Done {
    /** Called on the completer's thread after the commit. */
    void committed();
  }

  private record Item(EventStore.Done done, Done after) {}

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook.inbox");
  private static final Item STOP = new Item(null, null);
  private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final EventStore store;
  private final Clock clock;
  private final int batch;
  private final BlockingQueue<Item> queue;
  private final Thread thread;
  private long lastFailureLogged = System.nanoTime() - FAILURE_LOG_INTERVAL_NANOS;
  private long failuresNotLogged;

  /**
   * Starts the completer's thread.
   *
   * @param capacity how many handled events may wait for their commit before workers wait
   * @param batch the most events one statement marks done
   */
  public Completions(EventStore store, Clock clock, int capacity, int batch) {
    this.store = store;
    this.clock = clock;
    this.batch = batch;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "hrflow-inbox-completer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues {@code done} to be marked done; waits while the queue is full. */
  public void add(EventStore.Done done, Done after) throws InterruptedException {
    queue.put(new Item(done, after));
  }

  private void run() {
    List<Item> items = new ArrayList<>(batch);
    boolean stopping = false;
    while (!stopping) {
      try {
        items.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(items, batch - items.size());
      if (items.remove(STOP)) {
        stopping = true;
        queue.drainTo(items); // close() waits for the workers first: nothing arrives after STOP
      }
      for (int from = 0; from < items.size(); from += batch) {
        write(items.subList(from, Math.min(items.size(), from + batch)));
      }
      items.clear();
    }
  }

  private void write(List<Item> items) {
    List<EventStore.Done> done = new ArrayList<>(items.size());
    for (Item item : items) {
      done.add(item.done());
    }
    try {
      store.complete(done, clock.instant());
    } catch (SQLException | RuntimeException e) {
      failed(items.size(), e);
      return;
    }
    for (Item item : items) {
      try {
        item.after().committed();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "inbox: after an event was marked done", e);
      }
    }
  }

  /** Logs a failed batch: at most one line per 10 s, with the count of the batches not logged. */
  private void failed(int events, Exception e) {
    long now = System.nanoTime();
    if (now - lastFailureLogged < FAILURE_LOG_INTERVAL_NANOS) {
      failuresNotLogged += events;
      return;
    }
    String more = failuresNotLogged == 0 ? "" : " (and " + failuresNotLogged + " more since the last line)";
    failuresNotLogged = 0;
    lastFailureLogged = now;
    LOG.log(
        Level.WARNING,
        events + " handled inbox events could not be marked done" + more + "; their executions stay claimed and run again once their heartbeat is old",
        e);
  }

  /** Writes what is queued, then stops the thread (waits up to 30 s). */
  @Override
  public void close() {
    try {
      queue.put(STOP);
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
