package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.internal.http.Endpoint;
import java.util.List;
import java.util.Map;

/** The embedded server's view of a {@link WebhookReceiver}: its answers in HTTP terms. */
final class ServerEndpoint implements Endpoint {

  private final String path;
  private final WebhookReceiver receiver;

  ServerEndpoint(String path, WebhookReceiver receiver) {
    this.path = path;
    this.receiver = receiver;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public int maxBodyBytes() {
    return receiver.maxBodyBytes();
  }

  @Override
  public Reply admit(Map<String, List<String>> headers) {
    WebhookResponse refused = receiver.admit(headers);
    return refused == null ? null : reply(refused);
  }

  @Override
  public Reply receive(Map<String, List<String>> headers, byte[] body) {
    return reply(receiver.receive(headers, body));
  }

  @Override
  public Reply answer(Reason reason, String method, String requestPath) {
    WebhookResponse response =
        switch (reason) {
          case HEALTHY -> WebhookResponse.healthy();
          case NOT_FOUND -> WebhookResponse.notFound(path);
          case METHOD_NOT_ALLOWED -> WebhookResponse.methodNotAllowed();
          case TOO_LARGE -> WebhookResponse.payloadTooLarge(receiver.maxBodyBytes());
          case CLOSING -> WebhookResponse.unavailable("the server is shutting down");
          case SATURATED -> WebhookResponse.unavailable("too many concurrent requests");
          case WAITED_TOO_LONG -> WebhookResponse.unavailable("the request waited too long for a worker");
        };
    if (reason != Reason.HEALTHY) {
      receiver.refusedByServer(response, reason.description(), method, requestPath);
    }
    return reply(response);
  }

  private static Reply reply(WebhookResponse response) {
    return new Reply(response.status(), response.bodyBytes(), response.headers());
  }
}
