package ai.hrflow.webhook.runtime.http;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform-thread pool for Java 17: one thread per core while requests flow, more (up to {@code
 * max}) when requests wait for a thread longer than {@value #GROW_AFTER_MILLIS} ms, which is what
 * handlers that block (on a database, say) cause; extra threads end after a minute idle. Never
 * rejects: with {@code max} threads busy, requests wait in the queue.
 *
 * <p>Measured on two cores with a handler that does nothing: a pool of {@code max} threads from the
 * start, or one that grows whenever requests queue, woke a parked thread for nearly every request and
 * served 8 to 15% fewer requests per second than one thread per core.
 */
final class ElasticPool extends ThreadPoolExecutor {

  /** How long the oldest waiting request may wait before the pool adds a thread. */
  static final long GROW_AFTER_MILLIS = 20;

  private ElasticPool(int core, int max, AgingQueue queue) {
    super(core, max, 60, TimeUnit.SECONDS, queue, new NamedThreads());
    queue.pool = this;
  }

  /** A pool of one thread per core (at least two), growing to {@code max}. */
  static ElasticPool create(int max) {
    int core = Math.min(max, Math.max(2, Runtime.getRuntime().availableProcessors()));
    return new ElasticPool(core, Math.max(core, max), new AgingQueue());
  }

  @Override
  public void execute(Runnable task) {
    super.execute(new Queued(task, System.nanoTime()));
  }

  /**
   * How long the task running on this thread waited in the queue, in nanoseconds; 0 on any thread
   * that is not one of this pool's (virtual threads never wait for one).
   */
  static long waitedNanos() {
    return Thread.currentThread() instanceof Worker worker ? worker.waitedNanos : 0;
  }

  /** A task and when it was handed to the pool. */
  private record Queued(Runnable task, long since) implements Runnable {
    @Override
    public void run() {
      Worker worker = (Worker) Thread.currentThread();
      worker.waitedNanos = System.nanoTime() - since;
      try {
        task.run();
      } finally {
        worker.waitedNanos = 0;
      }
    }
  }

  /** A pool thread; it knows how long its current task waited. */
  private static final class Worker extends Thread {
    long waitedNanos;

    Worker(Runnable task, String name) {
      super(task, name);
    }
  }

  /** Refuses a task, so that the pool adds a thread, when the oldest waiting one waited too long. */
  private static final class AgingQueue extends LinkedBlockingQueue<Runnable> {
    private static final long serialVersionUID = 1L;
    private static final long GROW_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(GROW_AFTER_MILLIS);
    private transient ThreadPoolExecutor pool;

    @Override
    public boolean offer(Runnable task) {
      Runnable oldest = peek();
      if (oldest instanceof Queued queued
          && System.nanoTime() - queued.since() > GROW_AFTER_NANOS
          && pool.getPoolSize() < pool.getMaximumPoolSize()) {
        return false;
      }
      return super.offer(task);
    }
  }

  private static final class NamedThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      return new Worker(task, "hrflow-webhook-" + count.incrementAndGet());
    }
  }
}
