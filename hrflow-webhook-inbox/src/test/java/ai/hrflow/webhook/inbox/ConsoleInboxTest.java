package ai.hrflow.webhook.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.runtime.testhooks.KeepAliveClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery console with an inbox: its pending and dead events, and replaying the dead ones. */
class ConsoleInboxTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  @Test
  void theConsoleShowsDeadEventsWithTheirErrorAndReplaysThem() throws Exception {
    Recorder recorder = new Recorder();
    try (WebhookInbox inbox =
            WebhookInbox.builder()
                .embedded(folder)
                .dispatcher(recorder.dispatcher())
                .maxAttempts(1)
                .pollingInterval(Duration.ofMillis(100))
                .build();
        WebhookServer server =
            WebhookServer.builder()
                .host("127.0.0.1")
                .port(0)
                .receiver(WebhookReceiver.builder().secret(Recorder.SECRET).dispatcher(recorder.dispatcher()).inbox(inbox).build())
                .console(true)
                .start();
        KeepAliveClient client = new KeepAliveClient(server.port(), "/webhooks")) {
      assertEquals(200, client.post(Recorder.SECRET, Recorder.event("fail-console")).status());
      HttpClient http = HttpClient.newHttpClient();
      URI inboxUri = URI.create("http://localhost:" + server.port() + "/console/api/inbox");
      JsonNode view = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (System.nanoTime() < deadline) {
        view = JSON.readTree(http.send(HttpRequest.newBuilder(inboxUri).build(), HttpResponse.BodyHandlers.ofString()).body());
        if (view.path("dead").asLong() == 1) {
          break;
        }
        Thread.sleep(100);
      }
      assertTrue(view.get("enabled").asBoolean(), view.toString());
      assertEquals(1, view.get("dead").asLong(), view.toString());
      JsonNode dead = view.get("deadEvents").get(0);
      assertEquals("profile.parsing.success", dead.get("type").asText());
      assertEquals(1, dead.get("attempts").asInt());
      assertTrue(dead.get("lastError").asText().contains("the downstream ATS is down"), dead.toString());
      JsonNode delivery =
          JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/console/api/deliveries")).build(), HttpResponse.BodyHandlers.ofString()).body())
              .get("deliveries")
              .get(0);
      assertEquals(200, delivery.get("status").asInt());

      recorder.failing = false;
      HttpResponse<String> replay =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/console/api/inbox/replay"))
                  .header("X-HrFlow-Console", "1")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, replay.statusCode(), replay.body());
      assertEquals(1, JSON.readTree(replay.body()).get("replayed").asInt());
      recorder.await(done -> done.containsKey("fail-console"), Duration.ofSeconds(15), "the replayed event handled");
      JsonNode action =
          JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/console/api/deliveries")).build(), HttpResponse.BodyHandlers.ofString()).body())
              .get("deliveries")
              .get(1);
      assertEquals("replay of dead inbox events", action.get("source").asText(), "the action's result is in the list like a delivery");
      assertEquals("1 dead event queued again", action.get("note").asText());
    }
  }
}
