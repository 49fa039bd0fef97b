package ai.hrflow.webhook.inbox.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inbox's workers: a fixed number of threads that run handlers, fed by one queue. On Java 24 and
 * later they are virtual threads: a worker waits for its completion commit, and a virtual thread
 * waits without the kernel parking and waking a thread (on two cores, waking threads was 13% of the
 * machine at full intake; BENCHMARKS.md section 5). Before Java 24, a virtual thread that blocks
 * inside {@code synchronized}, which handlers and the drivers they call may do, holds its carrier, one
 * of as few carriers as cores, which the server's requests need too; so the workers are platform
 * threads there. Every worker is a daemon thread: the inbox stops them in {@code close()}, and a
 * forgotten inbox does not keep the JVM alive.
 */
public final class WorkerThreads {

  /** The first Java release on which a virtual thread blocked in {@code synchronized} frees its carrier (JEP 491). */
  static final int VIRTUAL_FROM = 24;

  private static final MethodHandle OF_VIRTUAL = ofVirtual();

  private WorkerThreads() {}

  /** {@return a pool of {@code workers} threads named {@code prefix} and a number, virtual on Java 24 and later} */
  public static ExecutorService pool(int workers, String prefix) {
    ThreadFactory threads = OF_VIRTUAL != null ? virtual(prefix) : platform(prefix);
    return new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
  }

  /** {@return whether the workers are virtual threads on this JVM} */
  public static boolean virtual() {
    return OF_VIRTUAL != null;
  }

  private static ThreadFactory platform(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static ThreadFactory virtual(String prefix) {
    try {
      Object builder = OF_VIRTUAL.invoke();
      Class<?> builderType = Class.forName("java.lang.Thread$Builder");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      builder = lookup.findVirtual(builderType, "name", MethodType.methodType(builderType, String.class, long.class)).invoke(builder, prefix, 1L);
      return (ThreadFactory) lookup.findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class)).invoke(builder);
    } catch (Throwable unexpected) {
      throw new IllegalStateException("could not create virtual worker threads", unexpected);
    }
  }

  /** {@code Thread.ofVirtual()} on Java 24 and later; null before. */
  private static MethodHandle ofVirtual() {
    if (Runtime.version().feature() < VIRTUAL_FROM) {
      return null;
    }
    try {
      return MethodHandles.publicLookup().findStatic(Thread.class, "ofVirtual", MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
    } catch (ReflectiveOperationException unexpected) {
      return null;
    }
  }
}
