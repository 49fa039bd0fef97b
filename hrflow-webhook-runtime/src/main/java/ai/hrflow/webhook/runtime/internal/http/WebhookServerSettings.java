package ai.hrflow.webhook.runtime.internal.http;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the embedded server runs on the JDK's HTTP server: its worker threads, and the JDK settings
 * it needs that the JDK only reads from system properties.
 *
 * <p>Workers: one virtual thread per request on Java 21 and later, a bounded pool of platform threads
 * on Java 17. The library is compiled for Java 17, so the Java 21 factory is looked up once, by name.
 *
 * <p>JDK settings, applied unless the application set them itself, before the JDK's server reads
 * them: {@code sun.net.httpserver.nodelay=true} (without it, Nagle's algorithm meeting delayed ACKs
 * costs 40 ms a request), and {@code sun.net.httpserver.maxReqTime} of {@value
 * #DEFAULT_TIMEOUT_SECONDS} seconds, so that a client slow to send its request cannot hold a worker.
 * There is no response time-out: it would also cut off slow handlers, whose events HrFlow would then
 * deliver again, and the answers are small enough never to wait on a slow reader.
 */
public final class WebhookServerSettings {

  /** The default time a client has to send its whole request, in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 20;

  /** Extra platform threads beyond the concurrency bound, to answer 503 while saturated. */
  private static final int SPARE_THREADS = 8;

  private static final MethodHandle VIRTUAL_PER_TASK = virtualPerTask();

  private WebhookServerSettings() {}

  /** Sets the JDK server's properties this server relies on, where the application has not. */
  public static void applyJdkDefaults() {
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(DEFAULT_TIMEOUT_SECONDS));
  }

  /**
   * The longest a request may have waited for a worker and still be dispatched, in nanoseconds. The
   * JDK server starts a request's time-out ({@code maxReqTime}) before the request waits for a worker;
   * once it fires, the connection is closed and no answer can be sent, although a body it had already
   * buffered can still be read. A request that waited that long is refused rather than handled
   * without an answer (which HrFlow would redeliver, so the handler would run twice). The margin is
   * the JDK timer's period (one second by default) plus a quarter of a second.
   *
   * @return the longest wait, or {@code Long.MAX_VALUE} when there is no request time-out
   */
  public static long longestWaitNanos() {
    long timeoutSeconds = Long.getLong("sun.net.httpserver.maxReqTime", -1);
    if (timeoutSeconds <= 0) {
      return Long.MAX_VALUE;
    }
    long timerMillis = Long.getLong("sun.net.httpserver.timerMillis", 1000);
    return Math.max(0, timeoutSeconds * 1_000_000_000L - (timerMillis + 250) * 1_000_000L);
  }

  /** {@return how long the request on this thread waited for a worker, in nanoseconds} */
  public static long waitedNanos() {
    return WorkerPool.waitedNanos();
  }

  /** {@return the settings in effect, for the start-up log line} */
  public static String describe() {
    return (virtual() ? "virtual threads" : "platform threads")
        + ", request time-out "
        + System.getProperty("sun.net.httpserver.maxReqTime")
        + " s";
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** Whether this JVM runs requests on virtual threads. */
  static boolean virtual() {
    return VIRTUAL_PER_TASK != null;
  }

  /**
   * An executor for requests: virtual threads when available, else a pool large enough for {@code
   * maxConcurrent} requests plus a few threads to refuse more.
   */
  public static ExecutorService workers(int maxConcurrent) {
    int platformThreads = maxConcurrent + SPARE_THREADS;
    if (VIRTUAL_PER_TASK != null) {
      try {
        return (ExecutorService) VIRTUAL_PER_TASK.invokeExact();
      } catch (Throwable unexpected) {
        throw new IllegalStateException("could not create a virtual-thread executor", unexpected);
      }
    }
    return WorkerPool.create(platformThreads);
  }

  private static MethodHandle virtualPerTask() {
    try {
      return MethodHandles.publicLookup()
          .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
    } catch (NoSuchMethodException | IllegalAccessException beforeJava21) {
      return null;
    }
  }
}
