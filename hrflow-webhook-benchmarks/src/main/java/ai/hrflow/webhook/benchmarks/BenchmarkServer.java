package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.runtime.WebhookServer;

/**
 * The library's server as users run it, for the HTTP scripts: default settings, default logging, and
 * a handler that reads the profile or not. Arguments: {@code port secret [UNREAD|READING]} (default
 * {@code READING}).
 */
public final class BenchmarkServer {
  private BenchmarkServer() {}

  public static void main(String[] args) {
    BenchmarkReceivers.Handler handler = BenchmarkReceivers.Handler.valueOf(args.length > 2 ? args[2] : "READING");
    WebhookServer server =
        WebhookServer.builder()
            .port(Integer.parseInt(args[0]))
            .receiver(BenchmarkReceivers.create(args[1], handler))
            .console(args.length > 3 && args[3].equals("CONSOLE"))
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
  }
}
