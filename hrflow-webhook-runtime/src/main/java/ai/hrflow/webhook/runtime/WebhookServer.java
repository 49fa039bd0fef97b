package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.internal.http.WebhookHttpHandler;
import ai.hrflow.webhook.runtime.internal.http.WebhookServerSettings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * An embedded HTTP server for HrFlow webhooks on the JDK's own {@code com.sun.net.httpserver}: POST
 * on the webhook path goes to a {@link WebhookReceiver}, {@code GET /healthz} answers 200.
 *
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.builder().port(8080).path("/webhooks").receiver(receiver).start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Requests run on virtual threads on Java 21 and later, on a bounded pool on Java 17; at most
 * {@link Builder#maxConcurrentRequests} run at once, more get 503 with {@code Retry-After}. A client
 * that is slow to send its request, or to read the answer, is cut off after the request timeout.
 * {@link #close()} stops accepting, lets requests in flight finish, then stops.
 */
public final class WebhookServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook");

  private final HttpServer server;
  private final WebhookHttpHandler handler;
  private final ExecutorService workers;
  private final Duration shutdownTimeout;
  private final String path;
  private volatile boolean closed;

  private WebhookServer(HttpServer server, WebhookHttpHandler handler, ExecutorService workers, Duration shutdownTimeout, String path) {
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
    workers.shutdownNow();
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
      WebhookServerSettings.applyJdkDefaults();
      WebhookHttpHandler handler = new WebhookHttpHandler(new ServerEndpoint(path, receiver), maxConcurrentRequests);
      ExecutorService workers = WebhookServerSettings.workers(maxConcurrentRequests);
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", handler);
        server.setExecutor(workers);
        server.start();
        WebhookServer started = new WebhookServer(server, handler, workers, shutdownTimeout, path);
        LOG.log(Level.INFO, "webhook server listening on {0} ({1})", started.url(), WebhookServerSettings.describe());
        return started;
      } catch (IOException e) {
        workers.shutdownNow();
        throw new UncheckedIOException("could not listen on " + host + ":" + port, e);
      }
    }
  }
}
