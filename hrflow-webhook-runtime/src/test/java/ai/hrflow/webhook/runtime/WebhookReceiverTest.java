package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.testhooks.RecordingHooks;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The receiver's contract, in process: statuses, bodies, and what reaches the handler. */
class WebhookReceiverTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingHooks hooks = new RecordingHooks();
  private final WebhookReceiver receiver =
      WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(hooks.dispatcher()).build();

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void acknowledgesAHandledEventAfterItsHandlerReturned(SignatureScheme scheme) throws Exception {
    String json = Signed.event("profile.parsing.success");
    WebhookResponse response = receiver.receive(Signed.headers(scheme, json), Signed.utf8(json));
    assertEquals(200, response.status());
    assertEquals(body("{\"events\":1,\"handled\":1,\"fallback\":0,\"unhandled\":0}"), body(response));
    assertEquals(List.of("profile.parsing.success"), hooks.types());
  }

  @Test
  void dispatchesABatchInOrder() throws Exception {
    String json = Signed.batch("profile.parsing.success", "job.embedding.error", "action.stage.success", "board.new.thing");
    WebhookResponse response = receiver.receive(Signed.headers(SignatureScheme.SIGNED_HEX, json), Signed.utf8(json));
    assertEquals(200, response.status());
    assertEquals(body("{\"events\":4,\"handled\":3,\"fallback\":1,\"unhandled\":0}"), body(response));
    assertEquals(
        List.of("onProfileParsingSuccess", "onJobEmbeddingError", "onActionStageSuccess", "onAnythingElse"),
        hooks.received().stream().map(RecordingHooks.Received::method).toList());
  }

  @Test
  void acknowledgesAnUnknownTypeWithoutCountingItHandled() throws Exception {
    List<String> seen = new ArrayList<>();
    WebhookReceiver withoutFallback =
        WebhookReceiver.builder()
            .secret(Signed.SECRET)
            .dispatcher(new WithoutFallbackHooksDispatcher((ProfilePayload event) -> seen.add(event.type())))
            .build();
    String json = Signed.batch("profile.parsing.success", "profile.future.event");
    WebhookResponse response = withoutFallback.receive(Signed.headers(SignatureScheme.BODY_HEX, json), Signed.utf8(json));
    assertEquals(200, response.status());
    assertEquals(body("{\"events\":2,\"handled\":1,\"fallback\":0,\"unhandled\":1}"), body(response));
    assertEquals(List.of("profile.parsing.success"), seen);
  }

  @Test
  void handlerFailureGives500NamingTheFailedEventAndStillOffersTheRest() throws Exception {
    hooks.failOn("job.embedding.error");
    String json = Signed.batch("job.embedding.error", "profile.parsing.success", "job.embedding.error");
    WebhookResponse response = receiver.receive(Signed.headers(SignatureScheme.SIGNED_RAW, json), Signed.utf8(json));
    assertEquals(500, response.status());
    assertEquals(
        body(
            "{\"events\":3,\"handled\":1,\"fallback\":0,\"unhandled\":0,\"failed\":["
                + "{\"index\":0,\"type\":\"job.embedding.error\",\"error\":\"IllegalStateException\"},"
                + "{\"index\":2,\"type\":\"job.embedding.error\",\"error\":\"IllegalStateException\"}]}"),
        body(response));
    assertEquals(List.of("job.embedding.error", "profile.parsing.success", "job.embedding.error"), hooks.types());
    assertFalse(response.body().contains("at ai.hrflow"), "no stack trace in the body");
    assertFalse(response.body().contains("told to fail"), "no exception message in the body");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]x",
        "\"just a string\"",
        "42",
        "null",
        "[{\"type\":\"profile.parsing.success\"}, 17]",
        "[{\"type\":\"profile.parsing.success\"}, {\"type\":\"\"}]",
        "[{\"type\":\"profile.parsing.success\"}, {\"type\":7}]",
        "[{\"type\":\"profile.parsing.success\"}, {\"no\":\"type\"}]",
        "{\"type\":\"profile.parsing.success\",\"type\":\"job.parsing.success\"}",
        "{\"type\":\"profile.parsing.success\"} trailing",
        "{\"type\":\"profile.parsing.success\"",
      })
  void malformedPayloadGives400BeforeAnyHandlerRuns(String json) throws Exception {
    WebhookResponse response = receiver.receive(Signed.headers(SignatureScheme.SIGNED_HEX, json), Signed.utf8(json));
    assertEquals(400, response.status(), response.body());
    assertEquals("bad_request", JSON.readTree(response.body()).get("error").asText());
    assertEquals(List.of(), hooks.types(), "nothing half-dispatched");
  }

  @Test
  void emptyBatchIsAcknowledged() throws Exception {
    WebhookResponse response = receiver.receive(Signed.headers(SignatureScheme.SIGNED_HEX, "[]"), Signed.utf8("[]"));
    assertEquals(200, response.status());
    assertEquals(0, JSON.readTree(response.body()).get("events").asInt());
  }

  @Test
  void missingSignatureGives401() throws Exception {
    WebhookResponse response = receiver.receive(Map.of(), Signed.utf8(Signed.event("profile.parsing.success")));
    assertEquals(401, response.status());
    assertEquals(body("{\"error\":\"unauthorized\",\"message\":\"missing signature\"}"), body(response));
    assertEquals(List.of(), hooks.types());
  }

  @Test
  void signatureWithAnotherSecretGives401() {
    String json = Signed.event("profile.parsing.success");
    WebhookResponse response =
        receiver.receive(Signed.headers(SignatureScheme.SIGNED_HEX, "another-secret", Signed.utf8(json)), Signed.utf8(json));
    assertEquals(401, response.status());
    assertEquals(List.of(), hooks.types());
  }

  @Test
  void contradictingSignatureHeadersGive401() {
    String json = Signed.event("profile.parsing.success");
    String good = WebhookSigner.sign(SignatureScheme.BODY_HEX, Signed.SECRET, json);
    WebhookResponse response =
        receiver.receive(
            Map.of("HTTP-HRFLOW-SIGNATURE", List.of(good), "HTTP-RIMINDER-SIGNATURE", List.of("0".repeat(64))),
            Signed.utf8(json));
    assertEquals(401, response.status());
    assertTrue(response.body().contains("conflicting signature headers"));
  }

  @Test
  void theSameSignatureUnderTwoNamesIsAccepted() {
    String json = Signed.event("profile.parsing.success");
    String good = WebhookSigner.sign(SignatureScheme.BODY_HEX, Signed.SECRET, json);
    WebhookResponse response =
        receiver.receive(Map.of("HTTP-HRFLOW-SIGNATURE", List.of(good), "http_riminder_signature", List.of(good)), Signed.utf8(json));
    assertEquals(200, response.status());
  }

  @Test
  void bodyOverTheLimitGives413WithoutVerifying() throws Exception {
    WebhookReceiver small =
        WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(hooks.dispatcher()).maxBodyBytes(64).build();
    String json = Signed.batch("profile.parsing.success", "profile.parsing.success");
    WebhookResponse response = small.receive(Signed.headers(SignatureScheme.BODY_HEX, json), Signed.utf8(json));
    assertEquals(413, response.status());
    assertEquals("payload_too_large", JSON.readTree(response.body()).get("error").asText());
    assertEquals(List.of(), hooks.types());
  }

  @Test
  void anyOfSeveralSecretsVerifiesDuringRotation() {
    WebhookReceiver rotating =
        WebhookReceiver.builder().secrets(List.of("old-secret", "new-secret")).dispatcher(hooks.dispatcher()).build();
    for (String secret : List.of("old-secret", "new-secret", "unknown-secret")) {
      String json = Signed.event("profile.parsing.success");
      WebhookResponse response =
          rotating.receive(Signed.headers(SignatureScheme.SIGNED_SEGMENT, secret, Signed.utf8(json)), Signed.utf8(json));
      assertEquals(secret.equals("unknown-secret") ? 401 : 200, response.status(), secret);
    }
    assertEquals(2, hooks.types().size());
  }

  @Test
  void restrictedSchemesRefuseTheOthers() {
    WebhookReceiver hexOnly =
        WebhookReceiver.builder()
            .secret(Signed.SECRET)
            .dispatcher(hooks.dispatcher())
            .schemes(SignatureScheme.SIGNED_HEX)
            .build();
    String json = Signed.event("profile.parsing.success");
    for (SignatureScheme scheme : SignatureScheme.values()) {
      WebhookResponse response = hexOnly.receive(Signed.headers(scheme, json), Signed.utf8(json));
      assertEquals(scheme == SignatureScheme.SIGNED_HEX ? 200 : 401, response.status(), scheme.name());
    }
  }

  @Test
  void signedSchemesDispatchTheSignedJsonNeverTheBody() {
    String signed = Signed.event("profile.parsing.success");
    String forged = Signed.event("job.embedding.error");
    for (SignatureScheme scheme : List.of(SignatureScheme.SIGNED_HEX, SignatureScheme.SIGNED_RAW, SignatureScheme.SIGNED_SEGMENT)) {
      WebhookResponse response = receiver.receive(Signed.headers(scheme, signed), Signed.utf8(forged));
      assertEquals(200, response.status());
    }
    assertEquals(List.of("profile.parsing.success", "profile.parsing.success", "profile.parsing.success"), hooks.types());
  }

  @Test
  void nonAsciiPayloadsArriveIntact() {
    String json = "{\"type\":\"profile.parsing.success\",\"profile\":{\"info\":{\"full_name\":\"Zoë 李雷 🚀\"}}}";
    for (SignatureScheme scheme : SignatureScheme.values()) {
      assertEquals(200, receiver.receive(Signed.headers(scheme, json), Signed.utf8(json)).status());
    }
    ProfilePayload payload = (ProfilePayload) hooks.received().get(0).payload();
    assertEquals("Zoë 李雷 🚀", payload.profile().info().fullName());
  }

  @Test
  void nullHeadersAndBodyAreAnUnsignedEmptyRequest() {
    assertEquals(401, receiver.receive(null, null).status());
  }

  @Test
  void builderSaysWhatIsMissing() {
    IllegalStateException noSecret =
        assertThrows(IllegalStateException.class, () -> WebhookReceiver.builder().dispatcher(hooks.dispatcher()).build());
    assertTrue(noSecret.getMessage().contains("secret("));
    IllegalStateException noDispatcher =
        assertThrows(IllegalStateException.class, () -> WebhookReceiver.builder().secret("s").build());
    assertTrue(noDispatcher.getMessage().contains("dispatcher("));
    assertThrows(IllegalArgumentException.class, () -> WebhookReceiver.builder().secret(""));
    assertThrows(IllegalArgumentException.class, () -> WebhookReceiver.builder().maxBodyBytes(0));
  }

  @Test
  void secretAppearsInNoToString() {
    assertFalse(receiver.toString().contains(Signed.SECRET));
    assertFalse(WebhookReceiver.builder().secret(Signed.SECRET).toString().contains(Signed.SECRET));
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void anInboxGetsEachEventsBytesAsSentWhenTheRequestCarriedItAlone(SignatureScheme scheme) throws Exception {
    List<WebhookEvent> stored = new ArrayList<>();
    EventInbox inbox =
        new EventInbox() {
          @Override
          public void store(List<WebhookEvent> events) {
            stored.addAll(events);
          }

          @Override
          public String unavailableReason() {
            return null;
          }
        };
    WebhookReceiver storing = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(hooks.dispatcher()).inbox(inbox).build();
    String json = "{ \"type\" : \"profile.parsing.success\",\n  \"profile\": {\"key\": \"k\", \"info\": {\"full_name\": \"Zoë Ångström\"}}, \"n\": 1.50 }";
    assertEquals(200, storing.receive(Signed.headers(scheme, json), Signed.utf8(json)).status());
    byte[] bytes = stored.get(0).jsonBytes();
    assertEquals(json, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), "exactly as sent, spacing and 1.50 included");
    bytes[0] = 'x';
    assertEquals('{', stored.get(0).jsonBytes()[0], "each call gives a copy");

    stored.clear();
    String batch = Signed.batch("profile.parsing.success", "job.embedding.error");
    assertEquals(200, storing.receive(Signed.headers(scheme, batch), Signed.utf8(batch)).status());
    JsonNode sent = JSON.readTree(batch);
    for (int i = 0; i < 2; i++) {
      assertEquals(sent.get(i), JSON.readTree(stored.get(i).jsonBytes()), "an event of a batch: its own JSON");
    }
  }

  private static JsonNode body(String json) throws Exception {
    return JSON.readTree(json);
  }

  private static JsonNode body(WebhookResponse response) throws Exception {
    return JSON.readTree(response.body());
  }
}
