package ai.hrflow.webhook.runtime.internal.http;

import java.net.InetSocketAddress;
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

  /** {@return what to do with a webhook call, decided from its headers before its body is read} */
  Call open(Map<String, List<String>> headers);

  /**
   * {@link #open(Map)}, knowing the client's address (the delivery console records it).
   *
   * @param client the client's address, or null
   */
  default Call open(Map<String, List<String>> headers, InetSocketAddress client) {
    return open(headers);
  }

  /**
   * {@return whether this endpoint wants the client's address ({@link #open(Map,
   * InetSocketAddress)}): only the console's does, so that no other server even asks for it}
   */
  default boolean recordsClients() {
    return false;
  }

  /**
   * The answer the HTTP layer gives on its own, for {@code reason}; refusals are logged here.
   *
   * @param method the request's method, as sent
   * @param path the request's path, as sent
   */
  Reply answer(Reason reason, String method, String path);

  /** One webhook call, as decided from its headers. */
  interface Call {

    /** {@return the answer to give at once, without reading the body, or null to read it} */
    Reply refusal();

    /**
     * {@return whether the body must be read into memory: a signature over the body; when not, the
     * body is read and thrown away, so that the connection stays usable}
     */
    boolean needsBody();

    /**
     * {@return the answer once the body has arrived}
     *
     * @param body the body, when {@link #needsBody()}; otherwise null
     * @param bodyBytes how many bytes the body had
     */
    Reply receive(byte[] body, long bodyBytes);
  }

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
    /** The bytes of bodies in memory are at their bound. */
    BODIES_AT_BOUND("bodies in memory at their bound"),
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
