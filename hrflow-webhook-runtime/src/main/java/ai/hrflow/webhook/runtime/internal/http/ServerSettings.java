package ai.hrflow.webhook.runtime.internal.http;

/**
 * The settings of the JDK's HTTP server that this library relies on but the JDK only reads from
 * system properties, once, when the first {@code HttpServer} of the JVM is created:
 *
 * <ul>
 *   <li>{@code sun.net.httpserver.nodelay=true}: without it, Nagle's algorithm meeting delayed ACKs
 *       costs 40 ms a request;
 *   <li>{@code jdk.httpserver.maxConnections}: the bound on open connections, idle ones included
 *       (the library's own bounds cover connections with a request in progress).
 * </ul>
 *
 * They are set when a server starts, unless the application set them. If another JDK server was
 * created earlier in the JVM, the JDK keeps what it read then; the server logs a warning when it can
 * tell. Deadlines do not depend on any of this: {@link ExchangeScheduler} enforces them.
 */
public final class ServerSettings {

  /** The property that bounds the JDK server's connections. */
  public static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";

  /** The property that turns Nagle's algorithm off on the JDK server's connections. */
  public static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private ServerSettings() {}

  /**
   * Sets the JDK server's properties this server relies on, where the application has not.
   *
   * @return whether another JDK HTTP server is running in this JVM, so that the JDK may have read its
   *     settings before these were set
   */
  public static boolean applyJdkDefaults(int maxConnections) {
    setIfAbsent(NO_DELAY, "true");
    setIfAbsent(MAX_CONNECTIONS, String.valueOf(maxConnections));
    return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals("HTTP-Dispatcher"));
  }

  /** {@return the JDK settings as the system properties say, for the start-up line} */
  public static String describeJdkSettings() {
    return NO_DELAY + "=" + System.getProperty(NO_DELAY) + ", " + MAX_CONNECTIONS + "=" + System.getProperty(MAX_CONNECTIONS);
  }

  /**
   * The longest a request may have waited for room and still be dispatched, in nanoseconds, when the
   * application set the JDK's own request time-out ({@code sun.net.httpserver.maxReqTime}): the JDK
   * starts it before a request waits, and once it fires the connection is closed and no answer can be
   * sent. A request that waited that long is refused rather than handled without an answer (which
   * HrFlow would deliver again). The margin is the JDK timer's period plus a quarter of a second.
   *
   * @return the longest wait, or {@code Long.MAX_VALUE} when the JDK's time-out is not set
   */
  public static long longestWaitNanos() {
    long timeoutSeconds = Long.getLong("sun.net.httpserver.maxReqTime", -1);
    if (timeoutSeconds <= 0) {
      return Long.MAX_VALUE;
    }
    long timerMillis = Long.getLong("sun.net.httpserver.timerMillis", 1000);
    return Math.max(0, timeoutSeconds * 1_000_000_000L - (timerMillis + 250) * 1_000_000L);
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
