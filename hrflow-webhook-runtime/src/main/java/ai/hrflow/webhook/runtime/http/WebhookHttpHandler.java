package ai.hrflow.webhook.runtime.http;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Translates HTTP to {@link WebhookReceiver#receive} and back, and nothing else: routing, method,
 * content type, the body limit (enforced while reading), and the bound on concurrent requests.
 *
 * <p>The body is read before a concurrency permit is taken, so that clients slow to send cannot
 * starve the others of permits (the JDK server's request time-out cuts them off); memory for a body
 * grows with the bytes actually received, never with what a client declares.
 */
public final class WebhookHttpHandler implements HttpHandler {

  /** The path of the health check. */
  public static final String HEALTH_PATH = "/healthz";

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook");
  private static final long DRAIN_POLL_MILLIS = 10;

  private final String path;
  private final WebhookReceiver receiver;
  private final Semaphore permits;
  private final long longestWait = WebhookServerSettings.longestWaitNanos();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean closing;

  /**
   * A handler that serves {@code receiver} at {@code path}, running at most {@code maxConcurrent}
   * requests at once.
   *
   * @param path the path
   * @param receiver the receiver
   * @param maxConcurrent the max concurrent
   */
  public WebhookHttpHandler(String path, WebhookReceiver receiver, int maxConcurrent) {
    this.path = path;
    this.receiver = receiver;
    this.permits = new Semaphore(maxConcurrent);
  }

  /** From now on, answers new webhook calls with 503 so that the sender retries elsewhere or later. */
  public void startClosing() {
    closing = true;
  }

  /**
   * Waits until no request is being handled, or {@code millis} have passed.
   *
   * @return whether no request is in flight
   * @param millis the millis
   * @throws java.lang.InterruptedException if the call fails
   */
  public boolean awaitIdle(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(DRAIN_POLL_MILLIS); // polled, so that requests never take a lock to say they are done
    }
    return inFlight.get() == 0;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    inFlight.incrementAndGet();
    try {
      WebhookResponse response = route(exchange);
      if (response != null) {
        try {
          send(exchange, response);
        } catch (IOException connectionGone) {
          // After a 2xx, the events were handled: a sender that retries will deliver them again.
          LOG.log(Level.WARNING, "webhook answer " + response.status() + " could not be sent: " + connectionGone);
          throw connectionGone;
        }
      }
    } finally {
      exchange.close();
      inFlight.decrementAndGet();
    }
  }

  private WebhookResponse route(HttpExchange exchange) throws IOException {
    String requestPath = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (HEALTH_PATH.equals(requestPath) && (method.equals("GET") || method.equals("HEAD"))) {
      return WebhookResponse.healthy();
    }
    if (!path.equals(requestPath)) {
      return rejected(exchange, WebhookResponse.notFound());
    }
    if (!method.equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      return rejected(exchange, WebhookResponse.methodNotAllowed());
    }
    if (!isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      return rejected(exchange, WebhookResponse.unsupportedMediaType());
    }
    if (closing) {
      return closing(exchange, WebhookResponse.unavailable("the server is shutting down"));
    }
    long declared = declaredLength(exchange);
    if (declared > receiver.maxBodyBytes()) {
      return closing(exchange, WebhookResponse.payloadTooLarge(receiver.maxBodyBytes()));
    }
    byte[] body;
    try {
      body = BodyReader.read(exchange.getRequestBody(), declared, receiver.maxBodyBytes());
    } catch (IOException clientGone) {
      LOG.log(Level.INFO, "webhook request abandoned while sending its body: {0}", clientGone.getMessage());
      return null; // nothing was dispatched, and nobody is left to answer
    }
    if (body == null) {
      return closing(exchange, WebhookResponse.payloadTooLarge(receiver.maxBodyBytes()));
    }
    if (closing) {
      return closing(exchange, WebhookResponse.unavailable("the server is shutting down"));
    }
    if (WebhookServerSettings.waitedNanos() > longestWait) {
      return closing(exchange, WebhookResponse.unavailable("the request waited too long for a worker"));
    }
    if (!permits.tryAcquire()) {
      return rejected(exchange, WebhookResponse.unavailable("too many concurrent requests"));
    }
    try {
      return receiver.receive(exchange.getRequestHeaders(), body);
    } finally {
      permits.release();
    }
  }

  /** The Content-Length, or -1 when the body is chunked. A malformed one is refused by the JDK server. */
  private static long declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** JSON or a {@code +json} type, any parameters; a missing type is accepted. */
  static boolean isJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || (type.endsWith("+json") && type.indexOf('/') > 0);
  }

  private static WebhookResponse rejected(HttpExchange exchange, WebhookResponse response) {
    LOG.log(
        Level.INFO,
        "webhook {0} {1} {2}",
        response.status(),
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath());
    return response;
  }

  /** A rejection after which the rest of the body is not read, so the connection must close. */
  private static WebhookResponse closing(HttpExchange exchange, WebhookResponse response) {
    exchange.getResponseHeaders().set("Connection", "close");
    return rejected(exchange, response);
  }

  private static void send(HttpExchange exchange, WebhookResponse response) throws IOException {
    byte[] body = response.bodyBytes();
    exchange.getResponseHeaders().set("Content-Type", WebhookResponse.CONTENT_TYPE);
    if (response.status() == 503) {
      exchange.getResponseHeaders().set("Retry-After", "1");
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
