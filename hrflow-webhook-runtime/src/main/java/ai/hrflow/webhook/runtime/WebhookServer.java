package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.internal.console.ConsoleEndpoint;
import ai.hrflow.webhook.runtime.internal.console.ConsoleHandler;
import ai.hrflow.webhook.runtime.internal.console.Deliveries;
import ai.hrflow.webhook.runtime.internal.http.BodyBudget;
import ai.hrflow.webhook.runtime.internal.http.Endpoint;
import ai.hrflow.webhook.runtime.internal.http.ExchangeScheduler;
import ai.hrflow.webhook.runtime.internal.http.ServerSettings;
import ai.hrflow.webhook.runtime.internal.http.WebhookHttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * An embedded HTTP server for HrFlow webhooks on the JDK's own {@code com.sun.net.httpserver}: POST
 * on the webhook path goes to a {@link WebhookReceiver}, {@code GET /healthz} answers 200 (503 when
 * the receiver's inbox cannot store events).
 *
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.builder().port(8080).path("/webhooks").receiver(receiver).start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Built to face the internet with its defaults. Requests run on virtual threads on Java 21 and
 * later, on platform threads on Java 17. What a client can make it spend is bounded across all
 * connections: a client has {@link Builder#requestTimeout} to send its request (headers and body),
 * however the JDK is configured; at most {@link Builder#maxRequestsInProgress} requests are read at
 * once, and when more arrive, the one that has been reading the longest is cut off; at most {@link
 * Builder#maxConcurrentRequests} are handled at once, more get 503 with {@code Retry-After}; a
 * request without a signature is refused before its body is read, a body signed in its header is
 * never kept, and the bodies kept to check their signature share {@link Builder#maxBufferedBytes}.
 * {@link #close()} stops accepting, lets requests in flight finish, then stops.
 */
public final class WebhookServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook");

  /**
   * Connections the kernel holds before the server accepts them. The JDK's default (50) overflows
   * when many clients connect at once, and a connection that finds it full waits a second for its
   * SYN to be sent again: a valid sender would wait behind an attack.
   */
  private static final int ACCEPT_BACKLOG = 1024;

  /** How long a client may read an answer given before its body was read, before the connection closes. */
  private static final Duration LINGER = Duration.ofSeconds(1);

  private final HttpServer server;
  private final WebhookHttpHandler handler;
  private final ExchangeScheduler workers;
  private final Duration shutdownTimeout;
  private final String path;
  private volatile boolean closed;

  private WebhookServer(HttpServer server, WebhookHttpHandler handler, ExchangeScheduler workers, Duration shutdownTimeout, String path) {
    this.server = server;
    this.handler = handler;
    this.workers = workers;
    this.shutdownTimeout = shutdownTimeout;
    this.path = path;
  }

  /** {@return A builder; {@link Builder#receiver} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the port the server listens on: the one given, or the one the system chose for port 0} */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@return the address the server listens on} */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /**
   * The webhook URL on this machine, such as {@code http://localhost:8080/webhooks}: {@code
   * localhost} when the server listens on every interface, its address otherwise.
   *
   * @return the URL to post webhook calls to
   */
  public URI url() {
    InetAddress address = server.getAddress().getAddress();
    String host;
    if (address.isAnyLocalAddress()) {
      host = "localhost";
    } else if (address instanceof Inet6Address) {
      host = "[" + address.getHostAddress() + "]";
    } else {
      host = address.getHostAddress();
    }
    return URI.create("http://" + host + ":" + port() + path);
  }

  /**
   * Stops gracefully: answers new calls with 503 (HrFlow retries them), waits up to the shutdown
   * timeout for the requests in flight to finish and be answered, then closes every connection.
   * Idempotent.
   *
   * <p>The drain is tracked here rather than left to {@code HttpServer.stop(delay)}: on Java 17 that
   * waits the whole delay when no exchange is in progress.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    handler.startClosing();
    boolean drained;
    try {
      drained = handler.awaitIdle(shutdownTimeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drained = false;
    }
    int port = port();
    server.stop(0);
    workers.close();
    LOG.log(
        Level.INFO,
        drained ? "webhook server on port {0} stopped" : "webhook server on port {0} stopped with requests still running",
        String.valueOf(port));
  }

  @Override
  public String toString() {
    return "WebhookServer[" + url() + "]";
  }

  /** Configures and starts a {@link WebhookServer}. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private String path = "/webhooks";
    private WebhookReceiver receiver;
    private int maxConcurrentRequests = 64;
    private int maxRequestsInProgress = 256;
    private int maxConnections = 4096;
    private long maxBufferedBytes = -1;
    private boolean console;
    private String consoleToken;
    private Duration requestTimeout = Duration.ofSeconds(20);
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * The address to listen on; default {@code 0.0.0.0}, every interface.
     *
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The port to listen on; 0 lets the system choose (see {@link WebhookServer#port()}). Default 8080.
     *
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The webhook path, as configured in HrFlow; default {@code /webhooks}.
     *
     * @return this builder
     */
    public Builder path(String path) {
      if (path == null || !path.startsWith("/") || path.equals(WebhookHttpHandler.HEALTH_PATH)) {
        throw new IllegalArgumentException("the webhook path starts with / and is not " + WebhookHttpHandler.HEALTH_PATH);
      }
      this.path = path;
      return this;
    }

    /**
     * The receiver that verifies, decodes and dispatches each call.
     *
     * @return this builder
     */
    public Builder receiver(WebhookReceiver receiver) {
      this.receiver = Objects.requireNonNull(receiver, "receiver");
      return this;
    }

    /**
     * How many webhook calls may run at once; more get 503 with {@code Retry-After}. Default 64.
     *
     * @return this builder
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException("allow at least one request at a time");
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /**
     * How long a client has to send its whole request, headers and body, from its first byte; default
     * 20 seconds (Tomcat's connection time-out). Enforced by this server whatever the JDK's own
     * settings; a handler that runs long is never cut off.
     *
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("the request time-out is positive");
      }
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * How many requests may be read and handled at once, across all connections; default 256. When
     * more arrive, they wait, the newest first, and the request that has been reading the longest is
     * cut off to make room: senders send in milliseconds, stalled clients do not. On Java 17 this is
     * also the bound on threads.
     *
     * @return this builder
     */
    public Builder maxRequestsInProgress(int maxRequestsInProgress) {
      if (maxRequestsInProgress < 1) {
        throw new IllegalArgumentException("allow at least one request in progress");
      }
      this.maxRequestsInProgress = maxRequestsInProgress;
      return this;
    }

    /**
     * How many connections the JDK server keeps open at once, idle ones included; default 4096. The
     * JDK reads this once per JVM ({@code jdk.httpserver.maxConnections}): it applies if no other JDK
     * HTTP server was created before, or if set as a system property at start-up.
     *
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("allow at least one connection");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Serves the delivery console at {@code /console} on this server's port: the recent calls (the
     * last 200, within 16 MiB), each with its status, signature scheme or refusal, events, payloads
     * and handlers' outcomes; replays, samples signed with the receiver's secret, and the inbox's
     * pending and dead events. Off by default, for development: without {@link #consoleToken}, only
     * loopback clients get it (others 403). With it off, {@code /console} is 404 and nothing of the
     * console runs on the receive path.
     *
     * @return this builder
     */
    public Builder console(boolean console) {
      this.console = console;
      return this;
    }

    /**
     * Lets clients on other addresses than loopback use the console, with this token: {@code
     * /console?token=...} in the browser. Once set, every client needs it, loopback included.
     *
     * @return this builder
     * @throws IllegalArgumentException if the token is shorter than 16 characters
     */
    public Builder consoleToken(String consoleToken) {
      if (consoleToken == null || consoleToken.strip().length() < 16) {
        throw new IllegalArgumentException("the console token must have at least 16 characters: a random one, such as 32 hex digits");
      }
      this.consoleToken = consoleToken.strip();
      return this;
    }

    /**
     * How many bytes of request bodies the server holds at once, across all connections, to check
     * the signature of a {@code BODY_HEX} call; a call that would exceed it is answered 503 at once.
     * Default: an eighth of the heap, at most 64 MiB, and never less than the receiver's body limit.
     *
     * @return this builder
     */
    public Builder maxBufferedBytes(long maxBufferedBytes) {
      if (maxBufferedBytes < 1) {
        throw new IllegalArgumentException("allow at least one byte");
      }
      this.maxBufferedBytes = maxBufferedBytes;
      return this;
    }

    /**
     * How long {@link WebhookServer#close()} waits for requests in flight; default 30 seconds.
     *
     * @return this builder
     */
    public Builder shutdownTimeout(Duration shutdownTimeout) {
      if (shutdownTimeout.isNegative()) {
        throw new IllegalArgumentException("the shutdown timeout is not negative");
      }
      this.shutdownTimeout = shutdownTimeout;
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @throws IllegalStateException if no receiver was given
     * @throws UncheckedIOException if the address cannot be bound, for instance a port in use
     */
    public WebhookServer start() {
      if (receiver == null) {
        throw new IllegalStateException("set the receiver with receiver(WebhookReceiver.builder()...build())");
      }
      boolean anotherServer = ServerSettings.applyJdkDefaults(maxConnections);
      long budget = maxBufferedBytes > 0 ? maxBufferedBytes : Math.max(receiver.maxBodyBytes(), Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8));
      Endpoint endpoint;
      ConsoleHandler consolePage = null;
      if (console) {
        Deliveries deliveries = new Deliveries(Deliveries.DEFAULT_CAPACITY, Deliveries.DEFAULT_MAX_BYTES, Clock.systemUTC());
        WebhookReceiver observed = receiver.observedBy(deliveries);
        ConsoleEndpoint recorded = new ConsoleEndpoint(new ServerEndpoint(path, observed), deliveries);
        consolePage = new ConsoleHandler(deliveries, recorded, observed::signedHeaders, ConsoleAdapters.inbox(receiver.inbox()), consoleToken);
        endpoint = recorded;
      } else {
        endpoint = new ServerEndpoint(path, receiver);
      }
      WebhookHttpHandler handler = new WebhookHttpHandler(endpoint, maxConcurrentRequests, new BodyBudget(budget));
      ExchangeScheduler workers = new ExchangeScheduler(requestTimeout.toNanos(), LINGER.toNanos(), maxRequestsInProgress);
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), ACCEPT_BACKLOG);
        server.createContext("/", handler);
        if (consolePage != null) {
          server.createContext(ConsoleHandler.PATH, consolePage);
        }
        server.setExecutor(workers);
        server.start();
        WebhookServer started = new WebhookServer(server, handler, workers, shutdownTimeout, path);
        LOG.log(
            Level.INFO,
            "webhook server listening on {0} ({1}; a client has {2} s to send a request; at most {3} requests in progress,"
                + " {4} handled at once, {5} MiB of bodies in memory; JDK settings: {6})",
            started.url(),
            ExchangeScheduler.virtual() ? "virtual threads" : "platform threads",
            String.valueOf(requestTimeout.toSeconds()),
            String.valueOf(maxRequestsInProgress),
            String.valueOf(maxConcurrentRequests),
            String.format(java.util.Locale.ROOT, "%.1f", budget / 1048576.0),
            ServerSettings.describeJdkSettings());
        if (consolePage != null) {
          LOG.log(
              Level.INFO,
              "delivery console on {0}{1}",
              started.url().resolve(ConsoleHandler.PATH),
              consoleToken == null ? " (loopback clients only)" : " (with its token)");
        }
        if (anotherServer) {
          LOG.log(
              Level.WARNING,
              "another JDK HTTP server runs in this JVM: the JDK may have read its settings before this server set them, so"
                  + " that connections are unbounded or Nagle's algorithm delays answers; set -D{0}=true and -D{1}={2} at"
                  + " start-up to be sure. Request deadlines and bounds are this server's own and hold either way.",
              ServerSettings.NO_DELAY,
              ServerSettings.MAX_CONNECTIONS,
              String.valueOf(maxConnections));
        }
        return started;
      } catch (IOException e) {
        workers.close();
        throw new UncheckedIOException("could not listen on " + host + ":" + port, e);
      }
    }
  }
}
