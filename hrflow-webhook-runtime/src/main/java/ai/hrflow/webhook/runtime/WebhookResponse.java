package ai.hrflow.webhook.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What to answer HrFlow: an HTTP status, a JSON body, and the headers to send with them. Every answer
 * this library gives, from {@link WebhookReceiver#receive} or from the embedded {@link WebhookServer},
 * is made here, so that the mapping from outcome to status lives in one place. A framework adapter
 * sends {@link #status()}, every one of {@link #headers()} and {@link #body()}.
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><th>status</th><th>when</th><th>HrFlow then</th></tr>
 *   <tr><td>200</td><td>every event was handled, or has no handler; with an {@link EventInbox}, every
 *       event with a handler was stored</td><td>is done</td></tr>
 *   <tr><td>400</td><td>the verified payload is not an event or an array of events</td><td>gives up or retries</td></tr>
 *   <tr><td>401</td><td>the signature is missing or wrong</td><td>gives up or retries</td></tr>
 *   <tr><td>404, 405</td><td>wrong path or method (embedded server only; 405 comes with {@code Allow: POST})</td><td>gives up</td></tr>
 *   <tr><td>413</td><td>the body exceeds the size limit, or holds more events than the event limit</td><td>gives up</td></tr>
 *   <tr><td>415</td><td>the body is declared as something other than JSON</td><td>gives up</td></tr>
 *   <tr><td>500</td><td>a handler threw</td><td>retries the whole request</td></tr>
 *   <tr><td>503</td><td>the server is saturated or closing, (with deduplication) another delivery of an
 *       event is being handled, or the inbox cannot store events; comes with {@code Retry-After}</td><td>retries later</td></tr>
 * </table>
 *
 * @param status the HTTP status code
 * @param body the JSON body
 * @param headers the headers to send besides the status line, {@code Content-Type} included
 */
public record WebhookResponse(int status, String body, Map<String, String> headers) {

  /** The content type of every body. */
  public static final String CONTENT_TYPE = "application/json";

  /** Seconds a sender is asked to wait before retrying a 503. */
  static final int RETRY_AFTER_SECONDS = 1;

  /** What {@code Retry-After} says when the inbox cannot store events: a database takes longer than a worker to come back. */
  static final int INBOX_RETRY_AFTER_SECONDS = 10;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Map<String, String> JSON_ONLY = Map.of("Content-Type", CONTENT_TYPE);

  /**
   * Checks the status range, and that a body and headers are present.
   *
   * @throws IllegalArgumentException if {@code status} is not an HTTP status
   */
  public WebhookResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  /**
   * A response with a JSON body and only the {@code Content-Type} header.
   *
   * @param status the HTTP status code
   * @param body the JSON body
   */
  public WebhookResponse(int status, String body) {
    this(status, body, JSON_ONLY);
  }

  /** {@return the body as UTF-8 bytes} */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** {@return whether the sender should consider the request delivered (a 2xx status)} */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  static WebhookResponse of(int status, ObjectNode body) {
    return new WebhookResponse(status, body.toString(), JSON_ONLY);
  }

  /** 200 for every event; written by hand because it answers nearly every request and holds only numbers. */
  private static WebhookResponse delivered(int events, int handled, int fallback, int unhandled) {
    return new WebhookResponse(
        200,
        "{\"events\":" + events + ",\"handled\":" + handled + ",\"fallback\":" + fallback + ",\"unhandled\":" + unhandled + "}",
        JSON_ONLY);
  }

  /**
   * What a request's dispatch amounts to: 200 when every event was handled, went to the fallback or
   * has no handler; 500 naming the events whose handler threw; 503 when (with deduplication) another
   * delivery is still handling one of them, which may yet fail, so that only a retry can tell. The
   * body tells a sender nothing of deduplication: an event handled before counts as it did then.
   */
  static WebhookResponse dispatched(BatchDispatch.Outcome outcome) {
    if (!outcome.failed().isEmpty()) {
      ObjectNode body =
          JSON.objectNode()
              .put("events", outcome.events())
              .put("handled", outcome.handled())
              .put("fallback", outcome.fallback())
              .put("unhandled", outcome.unhandled());
      ArrayNode failed = body.putArray("failed");
      for (BatchDispatch.Failure failure : outcome.failed()) {
        failed.addObject().put("index", failure.index()).put("type", failure.type()).put("error", failure.exception().getClass().getSimpleName());
      }
      return of(500, body);
    }
    if (outcome.busy() > 0) {
      return unavailable("the server cannot take this request now; retry later");
    }
    return delivered(outcome.events(), outcome.handled(), outcome.fallback(), outcome.unhandled());
  }

  /**
   * 200 for a request whose events were stored in an inbox: {@code queued} of them have a handler and
   * will reach it, {@code unhandled} have none and were not stored.
   */
  static WebhookResponse queued(int events, int queued, int unhandled) {
    return new WebhookResponse(200, "{\"events\":" + events + ",\"queued\":" + queued + ",\"unhandled\":" + unhandled + "}", JSON_ONLY);
  }

  /** 503: the inbox could not store the events; nothing was stored, the sender retries. */
  static WebhookResponse notStored() {
    return withHeader(error(503, "unavailable", "the events could not be stored; retry later"), "Retry-After", String.valueOf(INBOX_RETRY_AFTER_SECONDS));
  }

  /** 503 for a health check: the receiver cannot take events now, for {@code reason}. */
  static WebhookResponse unhealthy(String reason) {
    return of(503, JSON.objectNode().put("status", "unavailable").put("reason", reason));
  }

  /** 401: the request is not signed with a webhook secret. */
  static WebhookResponse unauthorized(String reason) {
    return error(401, "unauthorized", reason);
  }

  /** 400: the verified payload is not an event or an array of events. */
  static WebhookResponse badRequest(String reason) {
    return error(400, "bad_request", reason);
  }

  /** 413: the body is larger than {@code limit} bytes. */
  static WebhookResponse payloadTooLarge(long limit) {
    return error(413, "payload_too_large", "body exceeds the limit of " + limit + " bytes");
  }

  /** 413: the payload holds more events than the receiver accepts in one request. */
  static WebhookResponse tooManyEvents(String reason) {
    return error(413, "payload_too_large", reason);
  }

  /** 404: nothing is served at this path; the message names the path that is. */
  static WebhookResponse notFound(String webhookPath) {
    return error(404, "not_found", "no webhook endpoint at this path; HrFlow webhooks are received with POST " + webhookPath);
  }

  /** 405: the webhook path takes POST only. */
  static WebhookResponse methodNotAllowed() {
    return withHeader(error(405, "method_not_allowed", "webhook calls are POST requests"), "Allow", "POST");
  }

  /** 415: the body is declared as something other than JSON. */
  static WebhookResponse unsupportedMediaType() {
    return error(415, "unsupported_media_type", "webhook calls are application/json");
  }

  /** 503: no capacity for the request now; the sender should retry later. */
  static WebhookResponse unavailable(String reason) {
    return retryLater(error(503, "unavailable", reason));
  }

  /** {@code response} with {@code Retry-After}, for the 503 whose body says more than {@link #unavailable}. */
  static WebhookResponse retryLater(WebhookResponse response) {
    return withHeader(response, "Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
  }

  /** 200 for a health check. */
  static WebhookResponse healthy() {
    return of(200, JSON.objectNode().put("status", "ok"));
  }

  private static WebhookResponse error(int status, String error, String message) {
    return of(status, JSON.objectNode().put("error", error).put("message", message));
  }

  private static WebhookResponse withHeader(WebhookResponse response, String name, String value) {
    Map<String, String> headers = new java.util.LinkedHashMap<>(response.headers);
    headers.put(name, value);
    return new WebhookResponse(response.status, response.body, headers);
  }
}
