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

  /** The secret used when HRFLOW_WEBHOOK_SECRET is not set: for trying the example on this machine only. */
  public static final String DEMO_SECRET = "demo-secret-change-me";

  private ExampleServer() {}

  public static void main(String[] args) {
    WebhookServer server = start(System.getenv(), System.out, System.err);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "webhook-shutdown"));
  }

  /** Starts the server configured from {@code environment}; the caller closes it. */
  public static WebhookServer start(Map<String, String> environment, PrintStream out, PrintStream err) {
    String secret = environment.get("HRFLOW_WEBHOOK_SECRET");
    String host = "0.0.0.0";
    if (secret == null || secret.isBlank()) {
      // The demo secret is published in the README: accept calls from this machine only.
      secret = DEMO_SECRET;
      host = "127.0.0.1";
      err.println("WARNING: HRFLOW_WEBHOOK_SECRET is not set; using the demo secret \"" + DEMO_SECRET + "\", which anyone can read.");
      err.println("WARNING: listening on 127.0.0.1 only. Set HRFLOW_WEBHOOK_SECRET to your webhook's secret to accept HrFlow's calls.");
    }
    int port = Integer.parseInt(environment.getOrDefault("PORT", "8080"));
    WebhookReceiver receiver =
        WebhookReceiver.builder().secret(secret).dispatcher(new RecruitingHooksDispatcher(new PrintingHooks(out))).build();
    WebhookServer server = WebhookServer.builder().host(host).port(port).path("/webhooks").receiver(receiver).start();
    out.println("Listening for HrFlow webhooks on " + server.url());
    return server;
  }
}
