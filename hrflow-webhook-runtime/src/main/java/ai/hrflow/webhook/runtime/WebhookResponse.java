package ai.hrflow.webhook.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What to answer HrFlow: an HTTP status and a JSON body. Every status this library answers is made
 * here, so that the mapping from outcome to status lives in one place.
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><th>status</th><th>when</th><th>HrFlow then</th></tr>
 *   <tr><td>200</td><td>every event was handled, or has no handler</td><td>is done</td></tr>
 *   <tr><td>400</td><td>the verified payload is not an event or an array of events</td><td>gives up or retries</td></tr>
 *   <tr><td>401</td><td>the signature is missing or wrong</td><td>gives up or retries</td></tr>
 *   <tr><td>404, 405, 415</td><td>wrong path, method or content type (embedded server only)</td><td>gives up</td></tr>
 *   <tr><td>413</td><td>the body exceeds the size limit, or holds more events than the event limit</td><td>gives up</td></tr>
 *   <tr><td>500</td><td>a handler threw</td><td>retries the whole request</td></tr>
 *   <tr><td>503</td><td>the server is saturated or closing, or (with deduplication) another delivery of an
 *       event is being handled</td><td>retries later</td></tr>
 * </table>
 *
 * @param status the HTTP status code
 * @param body the JSON body
 */
public record WebhookResponse(int status, String body) {

  /** The content type of every body. */
  public static final String CONTENT_TYPE = "application/json";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * Checks the status range and that a body is present.
   *
   * @param status the HTTP status code
   * @param body the JSON body
   */
  public WebhookResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    Objects.requireNonNull(body, "body");
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
    return new WebhookResponse(status, body.toString());
  }

  /**
   * 200: every event was handled, went to the fallback, or has no handler. Written by hand: it is
   * the answer to nearly every request, and only numbers go in.
   *
   * @param events the events
   * @param handled the handled
   * @param fallback the fallback
   * @param unhandled the unhandled
   * @return 200: every event was handled, went to the fallback, or has no handler
   */
  public static WebhookResponse delivered(int events, int handled, int fallback, int unhandled) {
    return new WebhookResponse(
        200,
        "{\"events\":" + events + ",\"handled\":" + handled + ",\"fallback\":" + fallback + ",\"unhandled\":" + unhandled + "}");
  }

  /**
   * 401: the request is not signed with a webhook secret.
   *
   * @param reason the reason
   * @return 401: the request is not signed with a webhook secret
   */
  public static WebhookResponse unauthorized(String reason) {
    return error(401, "unauthorized", reason);
  }

  /**
   * 400: the verified payload is not an event or an array of events.
   *
   * @param reason the reason
   * @return 400: the verified payload is not an event or an array of events
   */
  public static WebhookResponse badRequest(String reason) {
    return error(400, "bad_request", reason);
  }

  /**
   * 413: the body is larger than {@code limit} bytes.
   *
   * @param limit the limit
   * @return 413: the body is larger than {@code limit} bytes
   */
  public static WebhookResponse payloadTooLarge(long limit) {
    return error(413, "payload_too_large", "body exceeds the limit of " + limit + " bytes");
  }

  /**
   * 413: the payload holds more events than the receiver accepts in one request.
   *
   * @param reason the reason
   * @return 413: the payload holds more events than the receiver accepts in one request
   */
  public static WebhookResponse tooManyEvents(String reason) {
    return error(413, "payload_too_large", reason);
  }

  /** {@return 404: nothing is served at this path} */
  public static WebhookResponse notFound() {
    return error(404, "not_found", "no webhook endpoint at this path");
  }

  /** {@return 405: the webhook path takes POST only} */
  public static WebhookResponse methodNotAllowed() {
    return error(405, "method_not_allowed", "webhook calls are POST requests");
  }

  /** {@return 415: the body is declared as something other than JSON} */
  public static WebhookResponse unsupportedMediaType() {
    return error(415, "unsupported_media_type", "webhook calls are application/json");
  }

  /**
   * 503: no capacity for another request now; the sender should retry later.
   *
   * @param reason the reason
   * @return 503: no capacity for another request now; the sender should retry later
   */
  public static WebhookResponse unavailable(String reason) {
    return error(503, "unavailable", reason);
  }

  /** {@return 200 for a health check} */
  public static WebhookResponse healthy() {
    return of(200, JSON.objectNode().put("status", "ok"));
  }

  private static WebhookResponse error(int status, String error, String message) {
    return of(status, JSON.objectNode().put("error", error).put("message", message));
  }
}
