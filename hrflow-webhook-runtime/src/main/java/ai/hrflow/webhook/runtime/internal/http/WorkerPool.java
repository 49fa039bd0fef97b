package ai.hrflow.webhook.runtime.internal.http;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform-thread pool for Java 17: up to {@code threads} threads, started as requests come and
 * ended after a minute idle, so that no request waits while a thread is free; with every thread busy,
 * requests wait in the queue, and each knows how long it waited ({@link #waitedNanos}), which is what
 * lets the server refuse one the JDK's request time-out may already have cut off.

 */
final class WorkerPool extends ThreadPoolExecutor {

  private WorkerPool(int threads) {
    super(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new NamedThreads());
    allowCoreThreadTimeOut(true);
  }

  /** A pool of up to {@code threads} threads. */
  static WorkerPool create(int threads) {
    return new WorkerPool(threads);
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
      setDaemon(false); // requests in flight keep the JVM alive until the server closes
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
