package com.example.hrflow;

import ai.hrflow.webhook.inbox.WebhookInbox;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Receives HrFlow webhooks on {@code $PORT} (default 8080) at {@code /webhooks}, verified with
 * {@code $HRFLOW_WEBHOOK_SECRET}, and prints one line per event. With {@code INBOX=embedded}, events
 * are first stored in a durable inbox (an embedded database in {@code $INBOX_DIR}, default {@code
 * ./hrflow-inbox}) and printed by its workers, with retries.
 */
public final class ExampleServer {

  /** The secret used when HRFLOW_WEBHOOK_SECRET is not set: for trying the example on this machine only. */
  public static final String DEMO_SECRET = "demo-secret-change-me";

  private ExampleServer() {}

  /** The running example: its server, and its inbox if it has one. Closing stops both, the server first. */
  public record Running(WebhookServer server, WebhookInbox inbox) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
      if (inbox != null) {
        inbox.close();
      }
    }
  }

  public static void main(String[] args) {
    Running running = start(System.getenv(), System.out, System.err);
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "webhook-shutdown"));
  }

  /**
   * Starts the example configured from {@code environment}; the caller closes it.
   *
   * @throws IllegalArgumentException if {@code INBOX} is set to something other than {@code embedded}
   */
  public static Running start(Map<String, String> environment, PrintStream out, PrintStream err) {
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
    RecruitingHooksDispatcher dispatcher = new RecruitingHooksDispatcher(new PrintingHooks(out));
    WebhookInbox inbox = inbox(environment, dispatcher);
    WebhookReceiver.Builder receiver = WebhookReceiver.builder().secret(secret).dispatcher(dispatcher);
    if (inbox != null) {
      receiver.inbox(inbox);
    }
    WebhookServer server = WebhookServer.builder().host(host).port(port).path("/webhooks").receiver(receiver.build()).start();
    out.println("Listening for HrFlow webhooks on " + server.url() + (inbox == null ? "" : " (events stored in " + inbox + " first)"));
    return new Running(server, inbox);
  }

  /** The inbox {@code INBOX} asks for: none when unset, an embedded one for {@code embedded}. */
  private static WebhookInbox inbox(Map<String, String> environment, RecruitingHooksDispatcher dispatcher) {
    String inbox = environment.get("INBOX");
    if (inbox == null || inbox.isBlank()) {
      return null;
    }
    if (!inbox.equals("embedded")) {
      throw new IllegalArgumentException(
          "INBOX=" + inbox + " is not supported by the example: use INBOX=embedded, or leave it unset to handle events in the request");
    }
    return WebhookInbox.builder().embedded(Path.of(environment.getOrDefault("INBOX_DIR", "hrflow-inbox"))).dispatcher(dispatcher).build();
  }
}
