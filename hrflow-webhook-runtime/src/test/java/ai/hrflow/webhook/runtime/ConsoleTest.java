package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.internal.console.ConsoleHandler;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery console's server side over real HTTP: what it records and shows, its actions through
 * the real receive path, and who may use it. (The page itself is tested in a browser, in
 * hrflow-webhook-browser-tests.)
 */
class ConsoleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private WebhookServer server;

  private WebhookServer start(WebhookServer.Builder builder) {
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .secret(Signed.SECRET)
            .dispatcher(
                new WithoutFallbackHooksDispatcher(
                    (ProfilePayload event) -> {
                      if ("boom".equals(event.profile().key())) {
                        throw new IllegalStateException("the ATS said no");
                      }
                      handled.add(event.profile().key());
                    }))
            .build();
    server = builder.port(0).host("127.0.0.1").receiver(receiver).start();
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String profile(String key, String fullName) {
    return "{\"type\":\"profile.parsing.success\",\"origin\":\"api\",\"profile\":{\"key\":\"" + key + "\",\"info\":{\"full_name\":\"" + fullName + "\"}}}";
  }

  private static JsonNode get(HttpTestClient client, String path) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri(path)).timeout(Duration.ofSeconds(10)).build());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> action(HttpTestClient client, String path, String json) throws Exception {
    return client.send(
        HttpRequest.newBuilder(client.uri(path))
            .timeout(Duration.ofSeconds(10))
            .header("X-HrFlow-Console", "1")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  @Test
  void everyCallIsRecordedWithItsSchemeEventsPayloadAndOutcome() throws Exception {
    HttpTestClient client = new HttpTestClient(start(WebhookServer.builder().console(true)).port());
    assertEquals(200, client.postSigned(profile("ada", "Ada Lovelace")).statusCode());
    assertEquals(500, client.postSigned(SignatureScheme.BODY_HEX, Signed.SECRET, profile("boom", "Bob")).statusCode());
    assertEquals(401, client.postSigned(SignatureScheme.SIGNED_HEX, "forged", profile("eve", "Eve")).statusCode());
    JsonNode list = get(client, "/console/api/deliveries").get("deliveries");
    assertEquals(3, list.size(), list.toString());
    assertEquals(200, list.get(0).get("status").asInt());
    assertEquals("SIGNED_HEX", list.get(0).get("scheme").asText());
    assertEquals("127.0.0.1", list.get(0).get("client").asText());
    assertEquals("profile.parsing.success", list.get(0).get("types").get(0).asText());
    assertEquals(401, list.get(2).get("status").asInt());
    assertTrue(list.get(2).get("rejection").asText().contains("signature"), list.get(2).toString());

    JsonNode ok = get(client, "/console/api/deliveries/" + list.get(0).get("id").asLong());
    assertEquals("handled", ok.get("eventList").get(0).get("outcome").asText());
    assertTrue(ok.get("eventList").get(0).get("json").asText().contains("Ada Lovelace"));
    JsonNode failed = get(client, "/console/api/deliveries/" + list.get(1).get("id").asLong());
    assertEquals("failed", failed.get("eventList").get(0).get("outcome").asText());
    assertTrue(failed.get("eventList").get(0).get("stackTrace").asText().contains("the ATS said no"));
    // The signature never reaches the page: the header is there, its value is not.
    String shown = ok.toString() + failed;
    assertTrue(shown.contains("(redacted"), shown);
    assertFalse(shown.contains(WebhookSigner.sign(SignatureScheme.SIGNED_HEX, Signed.SECRET, Signed.utf8(profile("ada", "Ada Lovelace")))), "signature shown");
    assertFalse(shown.contains(Signed.SECRET), "secret shown");
    assertEquals(1, get(client, "/console/api/deliveries?after=" + list.get(1).get("id").asLong()).get("deliveries").size());
  }

  @Test
  void replayAndSamplesGoThroughTheRealReceivePath() throws Exception {
    HttpTestClient client = new HttpTestClient(start(WebhookServer.builder().console(true)).port());
    assertEquals(200, client.postSigned(SignatureScheme.BODY_HEX, Signed.SECRET, profile("grace", "Grace Hopper")).statusCode());
    long first = get(client, "/console/api/deliveries").get("deliveries").get(0).get("id").asLong();
    HttpResponse<String> replay = action(client, "/console/api/deliveries/" + first + "/replay", "{}");
    assertEquals(200, replay.statusCode(), replay.body());
    assertEquals(200, JSON.readTree(replay.body()).get("status").asInt());
    assertEquals(List.of("grace", "grace"), handled, "the replay ran the handler again");
    HttpResponse<String> sample = action(client, "/console/api/samples", "{\"type\":\"profile.parsing.success\"}");
    assertEquals(200, JSON.readTree(sample.body()).get("status").asInt(), sample.body());
    JsonNode list = get(client, "/console/api/deliveries").get("deliveries");
    assertEquals(3, list.size());
    assertEquals("replay of #" + first, list.get(1).get("source").asText());
    assertEquals("sample", list.get(2).get("source").asText());
    assertEquals("SIGNED_HEX", list.get(2).get("scheme").asText(), "the sample was signed with the server's secret and verified");
    assertEquals(400, action(client, "/console/api/samples", "{\"type\":\"<script>\"}").statusCode());
    assertEquals(409, action(client, "/console/api/inbox/replay", "{}").statusCode(), "no inbox here");
    assertFalse(get(client, "/console/api/inbox").get("enabled").asBoolean());
  }

  @Test
  void callsTheServerRefusesUnreadAreListedButNotReplayable() throws Exception {
    HttpTestClient client = new HttpTestClient(start(WebhookServer.builder().console(true)).port());
    assertEquals(405, client.send(HttpRequest.newBuilder(client.uri("/webhooks")).timeout(Duration.ofSeconds(10)).build()).statusCode());
    JsonNode refused = get(client, "/console/api/deliveries").get("deliveries").get(0);
    assertEquals(405, refused.get("status").asInt());
    assertTrue(refused.get("rejection").asText().contains("GET"), refused.toString());
    assertFalse(refused.get("replayable").asBoolean());
    assertEquals(409, action(client, "/console/api/deliveries/" + refused.get("id").asLong() + "/replay", "{}").statusCode());
  }

  @Test
  void actionsNeedTheConsolesHeaderAndNoForeignOrigin() throws Exception {
    HttpTestClient client = new HttpTestClient(start(WebhookServer.builder().console(true)).port());
    HttpResponse<String> withoutHeader =
        client.send(HttpRequest.newBuilder(client.uri("/console/api/samples")).POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"profile.parsing.success\"}")).build());
    assertEquals(403, withoutHeader.statusCode());
    String foreign = client.raw("POST /console/api/samples HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nOrigin: http://evil.example\r\nX-HrFlow-Console: 1\r\nContent-Length: 2\r\n", "{}".getBytes(), 5000);
    assertTrue(foreign.startsWith("HTTP/1.1 403"), foreign);
    assertTrue(handled.isEmpty());
  }

  @Test
  void withoutATokenOnlyLoopbackClientsNamingALoopbackHostGetIt() throws Exception {
    HttpTestClient client = new HttpTestClient(start(WebhookServer.builder().console(true)).port());
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(client.uri("/console")).build());
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    assertTrue(page.body().contains("<script src=\"/console/console.js\""));
    // DNS rebinding: a page on another name that resolves to 127.0.0.1
    String rebound = client.raw("GET /console/api/deliveries HTTP/1.1\r\nHost: attacker.example:" + server.port() + "\r\n", new byte[0], 5000);
    assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
    // A client on another address (tests listen on loopback only, so the rule is checked directly).
    assertFalse(ConsoleHandler.loopbackClient(InetAddress.getByName("10.1.2.3"), "localhost:8080"));
    assertFalse(ConsoleHandler.loopbackClient(InetAddress.getByName("192.168.0.7"), "127.0.0.1:8080"));
    assertTrue(ConsoleHandler.loopbackClient(InetAddress.getByName("127.0.0.1"), "localhost:8080"));
    assertTrue(ConsoleHandler.loopbackClient(InetAddress.getByName("::1"), "[::1]:8080"));
    assertTrue(ai.hrflow.webhook.runtime.internal.console.ConsoleHandler.loopbackHost("[::1]:8080"));
    assertFalse(ai.hrflow.webhook.runtime.internal.console.ConsoleHandler.loopbackHost("localhost.attacker.example"));
  }

  @Test
  void withATokenEveryClientNeedsIt() throws Exception {
    String token = "0123456789abcdef0123456789abcdef";
    HttpTestClient client = new HttpTestClient(start(WebhookServer.builder().console(true).consoleToken(token)).port());
    assertEquals(403, client.send(HttpRequest.newBuilder(client.uri("/console")).build()).statusCode());
    assertEquals(403, client.send(HttpRequest.newBuilder(client.uri("/console/api/deliveries")).build()).statusCode());
    assertEquals(200, client.send(HttpRequest.newBuilder(client.uri("/console?token=" + token)).build()).statusCode());
    assertEquals(200, client.send(HttpRequest.newBuilder(client.uri("/console/api/deliveries")).header("X-HrFlow-Console-Token", token).build()).statusCode());
    assertEquals(403, client.send(HttpRequest.newBuilder(client.uri("/console/api/deliveries")).header("X-HrFlow-Console-Token", token + "x").build()).statusCode());
    assertThrows(IllegalArgumentException.class, () -> WebhookServer.builder().consoleToken("short"));
  }

  @Test
  void offByDefaultConsoleIs404() throws Exception {
    HttpTestClient client = new HttpTestClient(start(WebhookServer.builder()).port());
    assertEquals(404, client.send(HttpRequest.newBuilder(client.uri("/console")).build()).statusCode());
    assertEquals(404, client.send(HttpRequest.newBuilder(client.uri("/console/api/deliveries")).build()).statusCode());
  }
}
