package com.example.hrflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.testing.WebhookTester;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleServerTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsOneLinePerEventOfEveryFamily() throws Exception {
    try (ExampleServer.Running running = start(Map.of("PORT", "0", "HRFLOW_WEBHOOK_SECRET", "s3cret"))) {
      WebhookServer server = running.server();
      String batch =
          "[{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"p1\",\"info\":{\"full_name\":\"Zoë Ñúñez\"},"
              + "\"skills\":[{\"name\":\"Java\"}]}},"
              + "{\"type\":\"job.parsing.success\",\"job\":{\"key\":\"j1\",\"name\":\"Développeur\"}},"
              + "{\"type\":\"action.stage.success\",\"profile\":{\"key\":\"p1\"},\"job\":{\"key\":\"j1\"},\"stage\":\"yes\"},"
              + "{\"type\":\"profile.future.event\"}]";
      WebhookResponse response = post(server, "s3cret", batch);
      assertEquals(200, response.status(), response.body());
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("profile parsed: Zoë Ñúñez, 1 skills, key p1"), printed);
    assertTrue(printed.contains("job parsed: Développeur, key j1"), printed);
    assertTrue(printed.contains("profile p1 moved to stage yes for job j1"), printed);
    assertTrue(printed.contains("other event: profile.future.event"), printed);
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutASecretUsesTheDemoSecretOnLoopbackOnlyAndSaysSo() throws Exception {
    try (ExampleServer.Running running = start(Map.of("PORT", "0"))) {
      WebhookServer server = running.server();
      assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
      assertEquals(200, post(server, ExampleServer.DEMO_SECRET, "{\"type\":\"job.embedding.error\",\"message\":\"boom\"}").status());
      assertEquals(401, post(server, "another", "{\"type\":\"job.embedding.error\"}").status());
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("WARNING: HRFLOW_WEBHOOK_SECRET is not set"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("listening on 127.0.0.1 only"), err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("job embedding failed: boom"));
  }

  @Test
  void withASecretListensOnEveryInterface() {
    try (ExampleServer.Running running = start(Map.of("PORT", "0", "HRFLOW_WEBHOOK_SECRET", "s3cret"))) {
      WebhookServer server = running.server();
      assertTrue(server.address().getAddress().isAnyLocalAddress(), server.address().toString());
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("Listening for HrFlow webhooks on http://localhost:" + server.port() + "/webhooks"));
    }
  }

  @Test
  void withAnEmbeddedInboxEventsAreStoredThenHandled(@TempDir Path folder) throws Exception {
    Map<String, String> environment = Map.of("PORT", "0", "HRFLOW_WEBHOOK_SECRET", "s3cret", "INBOX", "embedded", "INBOX_DIR", folder.toString());
    try (ExampleServer.Running running = start(environment)) {
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("(events stored in WebhookInbox[embedded H2"), out.toString(StandardCharsets.UTF_8));
      WebhookResponse response = post(running.server(), "s3cret", "{\"type\":\"job.parsing.success\",\"job\":{\"key\":\"j9\",\"name\":\"Chef\"}}");
      assertEquals(200, response.status());
      assertEquals("{\"events\":1,\"queued\":1,\"unhandled\":0}", response.body());
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (!out.toString(StandardCharsets.UTF_8).contains("job parsed: Chef, key j9") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("job parsed: Chef, key j9"), out.toString(StandardCharsets.UTF_8));
    }
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> start(Map.of("PORT", "0", "INBOX", "postgres")));
    assertTrue(unknown.getMessage().contains("use INBOX=embedded"), unknown.getMessage());
  }

  private ExampleServer.Running start(Map<String, String> environment) {
    return ExampleServer.start(
        environment, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private WebhookResponse post(WebhookServer server, String secret, String json) {
    return WebhookTester.of(URI.create("http://127.0.0.1:" + server.port() + "/webhooks"), secret).sendJson(json);
  }
}
