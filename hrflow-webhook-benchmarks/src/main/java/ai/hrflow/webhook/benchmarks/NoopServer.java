package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;

/** Experiment: the library's server with a handler that does nothing: {@code NoopServer port secret}. */
public final class NoopServer {
  private NoopServer() {}

  public static void main(String[] args) {
    WebhookReceiver receiver =
        WebhookReceiver.builder().secret(args[1]).dispatcher(new BenchmarkHooksDispatcher((ProfilePayload event) -> {})).build();
    WebhookServer.builder().port(Integer.parseInt(args[0])).maxConcurrentRequests(args.length > 2 ? Integer.parseInt(args[2]) : 64).receiver(receiver).start();
  }
}
