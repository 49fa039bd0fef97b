package ai.hrflow.webhook.runtime.internal.http;

import java.util.List;
import java.util.Map;

/**
 * What the HTTP layer serves: the webhook receiver, seen through HTTP. The HTTP layer knows nothing
 * of signatures or events; every answer, its own refusals included, comes from here.
 */
public interface Endpoint {

  /** {@return the path webhook calls are posted to, such as {@code /webhooks}} */
  String path();

  /** {@return the largest body accepted, in bytes} */
  int maxBodyBytes();

  /**
   * An answer decided from the headers alone, before the body is read, or null to read the body
   * and {@linkplain #receive receive} the request.
   */
  Reply admit(Map<String, List<String>> headers);

  /** {@return the answer to a webhook call with this body} */
  Reply receive(Map<String, List<String>> headers, byte[] body);

  /**
   * The answer the HTTP layer gives on its own, for {@code reason}; refusals are logged here.
   *
   * @param method the request's method, as sent
   * @param path the request's path, as sent
   */
  Reply answer(Reason reason, String method, String path);

  /** Why the HTTP layer answers a request without receiving it. */
  enum Reason {
    /** {@code GET /healthz}. */
    HEALTHY("healthy"),
    /** A path other than the webhook path. */
    NOT_FOUND("not the webhook path"),
    /** A method other than POST on the webhook path. */
    METHOD_NOT_ALLOWED("not POST"),
    /** A body over the limit, declared or read. */
    TOO_LARGE("body too large"),
    /** The server is shutting down. */
    CLOSING("shutting down"),
    /** Every concurrency permit is taken. */
    SATURATED("saturated"),
    /** The request waited for a worker so long that the JDK server may have cut it off. */
    WAITED_TOO_LONG("waited too long for a worker");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** {@return a few words for the log} */
    public String description() {
      return description;
    }
  }

  /**
   * One answer in HTTP terms.
   *
   * @param status the HTTP status
   * @param body the body's bytes
   * @param headers the headers to send, {@code Content-Type} included
   */
  record Reply(int status, byte[] body, Map<String, String> headers) {}
}
