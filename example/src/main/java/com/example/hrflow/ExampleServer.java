package com.example.hrflow;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import java.io.PrintStream;
import java.util.Map;

/**
 * Receives HrFlow webhooks on {@code $PORT} (default 8080) at {@code /webhooks}, verified with
 * {@code $HRFLOW_WEBHOOK_SECRET}, and prints one line per event.
 */
public final class ExampleServer {

  /** The secret used when HRFLOW_WEBHOOK_SECRET is not set: for trying the example only. */
  public static final String DEMO_SECRET = "demo-secret-change-me";

  private ExampleServer() {}

  public static void main(String[] args) {
    Console.startFlushing();
    ConsoleLogging.install(Console.ERR);
    WebhookServer server = start(System.getenv(), Console.OUT, Console.ERR);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "webhook-shutdown"));
  }

  /** Starts the server configured from {@code environment}; the caller closes it. */
  public static WebhookServer start(Map<String, String> environment, PrintStream out, PrintStream err) {
    String secret = environment.get("HRFLOW_WEBHOOK_SECRET");
    if (secret == null || secret.isBlank()) {
      secret = DEMO_SECRET;
      err.println("WARNING: HRFLOW_WEBHOOK_SECRET is not set; using the demo secret \"" + DEMO_SECRET + "\".");
      err.println("WARNING: anyone who knows it can send you events. Set HRFLOW_WEBHOOK_SECRET to your webhook secret.");
    }
    int port = Integer.parseInt(environment.getOrDefault("PORT", "8080"));
    WebhookReceiver receiver =
        WebhookReceiver.builder().secret(secret).dispatcher(new RecruitingHooksDispatcher(new PrintingHooks(out))).build();
    WebhookServer server = WebhookServer.builder().port(port).path("/webhooks").receiver(receiver).start();
    out.println("Listening for HrFlow webhooks on http://localhost:" + server.port() + "/webhooks");
    return server;
  }
}
