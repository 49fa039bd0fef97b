package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.testhooks.RecordingHooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every signature vector of the spec, through {@link WebhookReceiver#receive} and over real HTTP: a
 * valid case dispatches exactly its events, an invalid one gets 401 and dispatches nothing.
 */
class VectorsTest {

  private static final RecordingHooks HOOKS = new RecordingHooks();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static WebhookServer server;

  static Stream<Vector> vectors() {
    return Vector.all().stream();
  }

  @BeforeAll
  static void startServer() {
    server = WebhookServer.builder().port(0).path("/webhooks").receiver(receiver()).start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static WebhookReceiver receiver() {
    return WebhookReceiver.builder().secret("whsec-public-test-secret").dispatcher(HOOKS.dispatcher()).build();
  }

  @Test
  void theSpecHasEightyThreeVectorsInEveryScheme() {
    List<Vector> all = Vector.all();
    assertEquals(83, all.size());
    for (String scheme : List.of("signed-hex/", "signed-raw/", "signed-seg/", "body-hex/", "header-name/", "header/")) {
      assertTrue(all.stream().anyMatch(vector -> vector.name().startsWith(scheme)), scheme);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void throughReceive(Vector vector) {
    RecordingHooks hooks = new RecordingHooks();
    WebhookReceiver receiver =
        WebhookReceiver.builder().secret(vector.secret()).dispatcher(hooks.dispatcher()).build();

    WebhookResponse response = receiver.receive(vector.headers(), vector.body());

    assertEquals(vector.valid() ? 200 : 401, response.status(), response.body());
    assertEquals(vector.events(), hooks.types());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void overHttp(Vector vector) throws Exception {
    int before = HOOKS.received().size();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/webhooks"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(vector.body()));
    if (vector.headerName() != null) {
      request.header(vector.headerName(), vector.header());
    }

    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(vector.valid() ? 200 : 401, response.statusCode(), response.body());
    assertEquals(vector.events(), HOOKS.types().subList(before, HOOKS.types().size()));
  }
}
