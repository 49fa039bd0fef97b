package ai.hrflow.webhook.runtime.internal.console;

import ai.hrflow.webhook.runtime.internal.http.Endpoint;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * The webhook endpoint with the console on: the server's endpoint, each call recorded in {@link
 * Deliveries} on its way through. Without the console the server serves its endpoint directly, and
 * none of this runs.
 */
public final class ConsoleEndpoint implements Endpoint {

  private final Endpoint endpoint;
  private final Deliveries deliveries;

  /** {@code endpoint}, recorded in {@code deliveries}. */
  public ConsoleEndpoint(Endpoint endpoint, Deliveries deliveries) {
    this.endpoint = endpoint;
    this.deliveries = deliveries;
  }

  @Override
  public String path() {
    return endpoint.path();
  }

  @Override
  public int maxBodyBytes() {
    return endpoint.maxBodyBytes();
  }

  @Override
  public Call open(Map<String, List<String>> headers) {
    return open(headers, "(unknown)", "network");
  }

  @Override
  public boolean recordsClients() {
    return true;
  }

  @Override
  public Call open(Map<String, List<String>> headers, InetSocketAddress client) {
    return open(headers, client == null ? "(unknown)" : client.getAddress().getHostAddress(), "network");
  }

  /** Opens a call from {@code client}, recorded with {@code source}: the network's, or the console's own replays and samples. */
  public Call open(Map<String, List<String>> headers, String client, String source) {
    Delivery delivery = deliveries.begin(client, source, headers);
    Call call;
    deliveries.current(delivery);
    try {
      call = endpoint.open(headers);
    } finally {
      deliveries.current(null);
    }
    Reply refusal = call.refusal();
    if (refusal != null) {
      deliveries.finish(delivery, refusal.status());
    }
    return new Call() {
      @Override
      public Reply refusal() {
        return refusal;
      }

      @Override
      public boolean needsBody() {
        return call.needsBody();
      }

      @Override
      public Reply receive(byte[] body, long bodyBytes) {
        deliveries.current(delivery);
        try {
          Reply reply = call.receive(body, bodyBytes);
          delivery.body(body, bodyBytes);
          deliveries.finish(delivery, reply.status());
          return reply;
        } finally {
          deliveries.current(null);
        }
      }
    };
  }

  @Override
  public Reply answer(Reason reason, String method, String requestPath) {
    Reply reply = endpoint.answer(reason, method, requestPath);
    if (reason != Reason.HEALTHY && reason != Reason.NOT_FOUND) {
      deliveries.unread(reason.description() + " (" + method + ")", reply.status());
    }
    return reply;
  }
}
