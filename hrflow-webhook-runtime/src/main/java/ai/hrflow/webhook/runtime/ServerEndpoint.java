package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.internal.http.Endpoint;
import ai.hrflow.webhook.runtime.internal.log.LogText;
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
  public Call open(Map<String, List<String>> headers) {
    WebhookReceiver.Admission admission = receiver.admit(headers);
    return new Call() {
      @Override
      public Reply refusal() {
        return admission.refusal() == null ? null : reply(admission.refusal());
      }

      @Override
      public boolean needsBody() {
        return admission.needsBody();
      }

      @Override
      public Reply receive(byte[] body, long bodyBytes) {
        return reply(receiver.receiveAdmitted(headers, admission, body, bodyBytes));
      }
    };
  }

  @Override
  public Reply answer(Reason reason, String method, String requestPath) {
    WebhookResponse response =
        switch (reason) {
          case HEALTHY -> health();
          case NOT_FOUND -> WebhookResponse.notFound(path);
          case METHOD_NOT_ALLOWED -> WebhookResponse.methodNotAllowed();
          case TOO_LARGE -> WebhookResponse.payloadTooLarge(receiver.maxBodyBytes());
          case BODIES_AT_BOUND -> WebhookResponse.unavailable("too many request bodies in memory; retry later");
          case CLOSING -> WebhookResponse.unavailable("the server is shutting down");
          case SATURATED -> WebhookResponse.unavailable("too many concurrent requests");
          case WAITED_TOO_LONG -> WebhookResponse.unavailable("the request waited too long for a worker");
        };
    if (reason != Reason.HEALTHY) {
      receiver.refusedByServer(response, reason.description(), method, requestPath);
    }
    return reply(response);
  }

  /** 200, or 503 when the receiver cannot take events (its inbox's database is unreachable). */
  private WebhookResponse health() {
    String unavailable = receiver.unavailableReason();
    return unavailable == null ? WebhookResponse.healthy() : WebhookResponse.unhealthy(LogText.of(unavailable, 200));
  }

  private static Reply reply(WebhookResponse response) {
    return new Reply(response.status(), response.bodyBytes(), response.headers());
  }
}
