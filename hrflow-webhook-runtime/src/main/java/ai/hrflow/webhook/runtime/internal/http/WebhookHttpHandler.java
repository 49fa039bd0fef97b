package ai.hrflow.webhook.runtime.internal.http;

import ai.hrflow.webhook.runtime.internal.http.Endpoint.Call;
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
 * Translates HTTP to {@link Endpoint} and back: routing, method, the body, and the bound on requests
 * handled at once. What an unauthenticated client can make it spend is bounded:
 *
 * <ul>
 *   <li>A call is first judged from its headers ({@link Endpoint#open}): one without a signature, or
 *       with one that cannot hold, is answered at once and its body is never read.
 *   <li>A call signed in its header (the {@code SIGNED_*} schemes) carries its JSON there: its body is
 *       read and thrown away, never kept.
 *   <li>A call whose signature covers its body ({@code BODY_HEX}) takes the body's size from the
 *       server-wide {@link BodyBudget} before reading it, and is answered 503 at once when the budget
 *       is spent.
 *   <li>Reading is bounded in time by the {@link ExchangeScheduler}'s deadline; after an answer given
 *       without reading the body, the connection closes after a short linger.
 * </ul>
 *
 * Permits for handling ({@code maxConcurrent}) are taken after reading, so that clients slow to send
 * cannot starve the others of them.
 */
public final class WebhookHttpHandler implements HttpHandler {

  /** The path of the health check. */
  public static final String HEALTH_PATH = "/healthz";

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook");
  private static final long DRAIN_POLL_MILLIS = 10;

  private final Endpoint endpoint;
  private final boolean recordsClients;
  private final Semaphore permits;
  private final BodyBudget budget;
  private final long longestWait = ServerSettings.longestWaitNanos();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean closing;

  /** An answer, and whether the request's body was left unread (the connection then closes). */
  private record Answer(Reply reply, boolean bodyLeft) {}

  /** A handler that serves {@code endpoint}, handling at most {@code maxConcurrent} requests at once. */
  public WebhookHttpHandler(Endpoint endpoint, int maxConcurrent, BodyBudget budget) {
    this.endpoint = endpoint;
    this.recordsClients = endpoint.recordsClients();
    this.permits = new Semaphore(maxConcurrent);
    this.budget = budget;
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
    ExchangeScheduler.Slot slot = ExchangeScheduler.current();
    try {
      Answer answer = route(exchange, slot);
      if (answer != null) {
        if (answer.bodyLeft()) {
          exchange.getResponseHeaders().set("Connection", "close");
          if (slot != null) {
            slot.linger();
          }
        }
        try {
          send(exchange, answer.reply(), answer.bodyLeft() ? unreadBody(exchange) : 0);
        } catch (IOException connectionGone) {
          // After a 2xx, the events were handled: a sender that retries will deliver them again. Any
          // other answer going nowhere is what refused clients do, and must not flood the log.
          boolean handled = answer.reply().status() / 100 == 2 && !answer.bodyLeft();
          LOG.log(handled ? Level.WARNING : Level.DEBUG, "webhook answer {0} could not be sent: {1}", answer.reply().status(), connectionGone);
          throw connectionGone;
        }
      }
    } finally {
      exchange.close();
      inFlight.decrementAndGet();
    }
  }

  private Answer route(HttpExchange exchange, ExchangeScheduler.Slot slot) throws IOException {
    String requestPath = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (HEALTH_PATH.equals(requestPath) && (method.equals("GET") || method.equals("HEAD"))) {
      return new Answer(answer(exchange, Reason.HEALTHY), false);
    }
    if (!endpoint.path().equals(requestPath)) {
      return refused(exchange, Reason.NOT_FOUND);
    }
    if (!method.equals("POST")) {
      return refused(exchange, Reason.METHOD_NOT_ALLOWED);
    }
    if (closing) {
      return refused(exchange, Reason.CLOSING);
    }
    long declared = declaredLength(exchange);
    if (declared > endpoint.maxBodyBytes()) {
      return refused(exchange, Reason.TOO_LARGE);
    }
    if (slot != null && slot.waitedNanos() > longestWait) {
      return refused(exchange, Reason.WAITED_TOO_LONG);
    }
    Call call = recordsClients ? endpoint.open(exchange.getRequestHeaders(), exchange.getRemoteAddress()) : endpoint.open(exchange.getRequestHeaders());
    if (call.refusal() != null) {
      return new Answer(call.refusal(), true);
    }
    byte[] body = null;
    long bodyBytes;
    long taken = 0;
    try {
      if (call.needsBody()) {
        BodyReader.Body read = BodyReader.read(exchange.getRequestBody(), declared, endpoint.maxBodyBytes(), budget);
        if (read.tooLarge()) {
          return refused(exchange, Reason.TOO_LARGE);
        }
        if (read.overBudget()) {
          return refused(exchange, Reason.BODIES_AT_BOUND);
        }
        body = read.bytes();
        bodyBytes = body.length;
        taken = read.taken();
      } else {
        bodyBytes = BodyReader.discard(exchange.getRequestBody(), endpoint.maxBodyBytes() + 1L);
        if (bodyBytes > endpoint.maxBodyBytes()) {
          return refused(exchange, Reason.TOO_LARGE);
        }
      }
    } catch (IOException clientGone) {
      LOG.log(Level.DEBUG, "webhook request abandoned while sending its body: {0}", clientGone.getMessage());
      return null; // nothing was dispatched, and nobody is left to answer
    }
    try {
      if (closing) {
        return new Answer(answer(exchange, Reason.CLOSING), false);
      }
      if (slot != null && !slot.startHandling()) {
        return null; // cut off at its deadline while reading: nothing is dispatched
      }
      if (!permits.tryAcquire()) {
        return new Answer(answer(exchange, Reason.SATURATED), false);
      }
      try {
        return new Answer(call.receive(body, bodyBytes), false);
      } finally {
        permits.release();
      }
    } finally {
      budget.giveBack(taken);
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

  /** A refusal given before the body was read: the rest of the body is not read, so the connection closes. */
  private Answer refused(HttpExchange exchange, Reason reason) {
    return new Answer(answer(exchange, reason), true);
  }

  /**
   * How much of an unread body to read and throw away after a refusal, so that the connection closes
   * cleanly and the client gets to read the answer: closing a socket with unread bytes resets it, and
   * a reset may destroy the answer before the client reads it. Bounded by the body limit, and in time
   * by the linger; a body over the limit is not worth it.
   */
  private long unreadBody(HttpExchange exchange) {
    long declared = declaredLength(exchange);
    return declared > endpoint.maxBodyBytes() ? 0 : declared >= 0 ? declared : endpoint.maxBodyBytes();
  }

  /** Sends {@code reply}, then reads and throws away up to {@code discard} bytes of the request's body. */
  private static void send(HttpExchange exchange, Reply reply, long discard) throws IOException {
    for (Map.Entry<String, String> header : reply.headers().entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(reply.status(), head ? -1 : reply.body().length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
        out.flush(); // the answer is on its way before the body is read
        if (discard > 0) {
          try {
            BodyReader.discard(exchange.getRequestBody(), discard);
          } catch (IOException goneOrCutOff) {
            // the client left, or lingered too long: the connection closes either way
          }
        }
      }
    }
  }
}
