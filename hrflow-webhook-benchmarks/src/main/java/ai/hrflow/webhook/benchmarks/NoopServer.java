package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;

/** The library's server with a handler that does nothing, for http-benchmark.sh: {@code NoopServer port secret}. */
public final class NoopServer {
  private NoopServer() {}

  public static void main(String[] args) {
    WebhookReceiver receiver = NoopReceiver.create(args[1]);
    WebhookServer.builder().port(Integer.parseInt(args[0])).receiver(receiver).start();
  }
}
