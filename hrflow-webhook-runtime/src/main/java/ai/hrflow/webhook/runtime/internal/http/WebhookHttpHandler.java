package ai.hrflow.webhook.runtime.internal.http;

import ai.hrflow.webhook.runtime.internal.http.Endpoint.Reason;
import ai.hrflow.webhook.runtime.internal.http.Endpoint.Reply;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Translates HTTP to {@link Endpoint#receive} and back, and nothing else: routing, method, the body
 * limit (enforced while reading), and the bound on concurrent requests.
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

  private final Endpoint endpoint;
  private final Semaphore permits;
  private final long longestWait = WebhookServerSettings.longestWaitNanos();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean closing;

  /** A handler that serves {@code endpoint}, running at most {@code maxConcurrent} requests at once. */
  public WebhookHttpHandler(Endpoint endpoint, int maxConcurrent) {
    this.endpoint = endpoint;
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
      Reply reply = route(exchange);
      if (reply != null) {
        try {
          send(exchange, reply);
        } catch (IOException connectionGone) {
          // After a 2xx, the events were handled: a sender that retries will deliver them again.
          LOG.log(Level.WARNING, "webhook answer " + reply.status() + " could not be sent: " + connectionGone);
          throw connectionGone;
        }
      }
    } finally {
      exchange.close();
      inFlight.decrementAndGet();
    }
  }

  private Reply route(HttpExchange exchange) throws IOException {
    String requestPath = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (HEALTH_PATH.equals(requestPath) && (method.equals("GET") || method.equals("HEAD"))) {
      return answer(exchange, Reason.HEALTHY);
    }
    if (!endpoint.path().equals(requestPath)) {
      return answer(exchange, Reason.NOT_FOUND);
    }
    if (!method.equals("POST")) {
      return answer(exchange, Reason.METHOD_NOT_ALLOWED);
    }
    Reply early = endpoint.admit(exchange.getRequestHeaders());
    if (early != null) {
      return closing(exchange, early);
    }
    if (closing) {
      return closing(exchange, answer(exchange, Reason.CLOSING));
    }
    long declared = declaredLength(exchange);
    if (declared > endpoint.maxBodyBytes()) {
      return closing(exchange, answer(exchange, Reason.TOO_LARGE));
    }
    byte[] body;
    try {
      body = BodyReader.read(exchange.getRequestBody(), declared, endpoint.maxBodyBytes());
    } catch (IOException clientGone) {
      LOG.log(Level.INFO, "webhook request abandoned while sending its body: {0}", clientGone.getMessage());
      return null; // nothing was dispatched, and nobody is left to answer
    }
    if (body == null) {
      return closing(exchange, answer(exchange, Reason.TOO_LARGE));
    }
    if (closing) {
      return closing(exchange, answer(exchange, Reason.CLOSING));
    }
    if (WebhookServerSettings.waitedNanos() > longestWait) {
      return closing(exchange, answer(exchange, Reason.WAITED_TOO_LONG));
    }
    if (!permits.tryAcquire()) {
      return answer(exchange, Reason.SATURATED);
    }
    try {
      return endpoint.receive(exchange.getRequestHeaders(), body);
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

  private Reply answer(HttpExchange exchange, Reason reason) {
    return endpoint.answer(reason, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
  }

  /** A rejection after which the rest of the body is not read, so the connection must close. */
  private static Reply closing(HttpExchange exchange, Reply reply) {
    exchange.getResponseHeaders().set("Connection", "close");
    return reply;
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    for (Map.Entry<String, String> header : reply.headers().entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(reply.status(), head ? -1 : reply.body().length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }
}
