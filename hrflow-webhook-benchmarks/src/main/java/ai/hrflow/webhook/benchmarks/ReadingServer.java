package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;

/**
 * The library's server as users run it, for http-benchmark.sh: default settings, default logging, a
 * handler that reads the profile ({@link ReadingHandler}). Arguments: {@code port secret}.
 */
public final class ReadingServer {
  private ReadingServer() {}

  public static void main(String[] args) {
    WebhookReceiver receiver =
        WebhookReceiver.builder().secret(args[1]).dispatcher(new BenchmarkHooksDispatcher(new ReadingHandler())).build();
    WebhookServer server = WebhookServer.builder().port(Integer.parseInt(args[0])).receiver(receiver).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
  }
}
