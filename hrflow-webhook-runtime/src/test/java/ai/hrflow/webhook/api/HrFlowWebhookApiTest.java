package ai.hrflow.webhook.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.testhooks.FakeHrFlow;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook/check and webhook/test calls against a local server that plays HrFlow. */
class HrFlowWebhookApiTest {

  private static final String API_KEY = "askw_live_0123456789abcdef";
  private static final URI WEBHOOK = URI.create("https://example.com/webhooks");
  private final FakeHrFlow hrflow;
  private final HrFlowWebhookApi api;

  HrFlowWebhookApiTest() throws Exception {
    hrflow = new FakeHrFlow();
    api = HrFlowWebhookApi.builder().apiKey(API_KEY).baseUrl(hrflow.baseUrl()).timeout(Duration.ofSeconds(1)).build();
  }

  @AfterEach
  void stop() {
    hrflow.close();
  }

  @Test
  void checkSendsTheDocumentedRequestAndReturnsHrFlowsConfirmation() throws Exception {
    hrflow.answers(
        200,
        "{\"code\":200,\"message\":\"ok\",\"data\":{\"team_name\":\"Acme\",\"webhook_id\":\"wh-123\",\"url\":\"https://example.com/webhooks\",\"type\":\"profile.parsing.success\"}}");

    WebhookCheck check = api.check(WEBHOOK, "profile.parsing.success");

    assertEquals(new WebhookCheck("Acme", "wh-123", "https://example.com/webhooks", "profile.parsing.success"), check);
    FakeHrFlow.Request request = hrflow.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/v1/webhook/check", request.path());
    assertEquals(API_KEY, request.apiKey());
    assertEquals("application/json", request.contentType());
    assertEquals(
        new ObjectMapper().readTree("{\"url\":\"https://example.com/webhooks\",\"type\":\"profile.parsing.success\"}"),
        new ObjectMapper().readTree(request.body()));
  }

  @Test
  void testPostsAnEmptyBodyAndReturnsTheMessage() throws Exception {
    hrflow.answers(200, "{\"code\":200,\"message\":\"Test notification sent\",\"data\":{}}");
    assertEquals("Test notification sent", api.test());
    FakeHrFlow.Request request = hrflow.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/v1/webhook/test", request.path());
    assertEquals(API_KEY, request.apiKey());
    assertEquals("", request.body());
  }

  @Test
  void unauthorizedBecomesARefusalWithHrFlowsCodeAndMessageButNeverTheKey() {
    hrflow.answers(401, "{\"code\":401,\"message\":\"Unauthorized. Invalid secret key: " + API_KEY + "\"}");
    HrFlowApiException refused = assertThrows(HrFlowApiException.class, () -> api.check(WEBHOOK, "job.parsing.success"));
    assertEquals(HrFlowApiException.Kind.REFUSED, refused.kind());
    assertEquals(401, refused.httpStatus());
    assertEquals(401, refused.hrflowCode());
    assertEquals("Unauthorized. Invalid secret key: ***", refused.hrflowMessage());
    assertFalse(refused.getMessage().contains(API_KEY), refused.getMessage());
    assertFalse(api.toString().contains(API_KEY));
  }

  @Test
  void aCodeOtherThan200InA200AnswerIsARefusal() {
    hrflow.answers(200, "{\"code\":400,\"message\":\"Invalid url\"}");
    HrFlowApiException refused = assertThrows(HrFlowApiException.class, () -> api.check(WEBHOOK, "job.parsing.success"));
    assertEquals(200, refused.httpStatus());
    assertEquals(400, refused.hrflowCode());
    assertEquals("Invalid url", refused.hrflowMessage());
  }

  @Test
  void serverErrorWithoutEnvelopeIsARefusalWithItsStatus() {
    hrflow.answers(500, "<html>Internal Server Error</html>");
    HrFlowApiException refused = assertThrows(HrFlowApiException.class, api::test);
    assertEquals(HrFlowApiException.Kind.REFUSED, refused.kind());
    assertEquals(500, refused.httpStatus());
    assertEquals(-1, refused.hrflowCode());
    assertNull(refused.hrflowMessage());
  }

  @Test
  void malformedJsonIsReportedAsSuch() {
    hrflow.answers(200, "{\"code\":200,");
    HrFlowApiException malformed = assertThrows(HrFlowApiException.class, api::test);
    assertEquals(HrFlowApiException.Kind.MALFORMED_RESPONSE, malformed.kind());
    assertTrue(malformed.getMessage().contains(hrflow.baseUrl() + "/webhook/test"), malformed.getMessage());
  }

  @Test
  void aHangPastTheTimeoutIsReportedAsATimeoutWithTheUrl() {
    hrflow.hangs();
    long started = System.nanoTime();
    HrFlowApiException timeout = assertThrows(HrFlowApiException.class, () -> api.check(WEBHOOK, "job.parsing.success"));
    assertEquals(HrFlowApiException.Kind.TIMEOUT, timeout.kind());
    assertTrue(timeout.getMessage().contains("/v1/webhook/check"), timeout.getMessage());
    assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000);
  }

  @Test
  void anAnswerTrickledByteByByteIsATimeoutAtTheDeadline() {
    hrflow.trickles().answers(200, "{\"code\":200,\"message\":\"" + "x".repeat(100) + "\"}");
    long started = System.nanoTime();
    HrFlowApiException timeout = assertThrows(HrFlowApiException.class, api::test);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(HrFlowApiException.Kind.TIMEOUT, timeout.kind());
    assertTrue(millis < 3_000, "the 1 s deadline covers the body too; took " + millis + " ms");
  }

  @Test
  void anAnswerLargerThanAMegabyteIsRefused() {
    hrflow.answers(200, "{\"code\":200,\"message\":\"" + "x".repeat(HrFlowWebhookApi.MAX_ANSWER_BYTES) + "\"}");
    HrFlowApiException tooLarge = assertThrows(HrFlowApiException.class, api::test);
    assertEquals(HrFlowApiException.Kind.MALFORMED_RESPONSE, tooLarge.kind());
    assertTrue(tooLarge.getMessage().contains("larger than 1048576 bytes"), tooLarge.getMessage());
  }

  @Test
  void plainHttpIsRefusedExceptToThisMachine() {
    IllegalArgumentException clear =
        assertThrows(IllegalArgumentException.class, () -> HrFlowWebhookApi.builder().baseUrl(URI.create("http://api.hrflow.ai/v1")));
    assertTrue(clear.getMessage().contains("would send the API key in clear"), clear.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HrFlowWebhookApi.builder().baseUrl(URI.create("ftp://127.0.0.1/v1")));
    HrFlowWebhookApi.builder().baseUrl(URI.create("http://127.0.0.1:8080/v1"));
    HrFlowWebhookApi.builder().baseUrl(URI.create("http://localhost/v1"));
    HrFlowWebhookApi.builder().baseUrl(URI.create("http://[::1]:8080/v1"));
    HrFlowWebhookApi.builder().baseUrl(URI.create("https://api.hrflow.ai/v1"));
  }

  @Test
  void anUnreachableApiIsANetworkFailureWithTheUrl() throws Exception {
    URI closed = hrflow.baseUrl();
    hrflow.close();
    HrFlowWebhookApi offline = HrFlowWebhookApi.builder().apiKey(API_KEY).baseUrl(closed).timeout(Duration.ofSeconds(1)).build();
    HrFlowApiException network = assertThrows(HrFlowApiException.class, offline::test);
    assertEquals(HrFlowApiException.Kind.NETWORK, network.kind());
    assertTrue(network.getMessage().contains(closed.toString()), network.getMessage());
    assertFalse(network.getMessage().contains(API_KEY));
  }

  @Test
  void unknownEventTypesAreRefusedBeforeAnyRequestWithASuggestion() throws Exception {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> api.check(WEBHOOK, "job.parsing.sucess"));
    assertTrue(unknown.getMessage().contains("did you mean job.parsing.success?"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("checkCustomType"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> api.checkCustomType(WEBHOOK, "has space"));
    assertEquals(List.of(), hrflow.requests());

    hrflow.answers(200, "{\"code\":200,\"message\":\"ok\",\"data\":{\"team_name\":\"Acme\",\"webhook_id\":\"w\",\"url\":\"u\",\"type\":\"profile.tagging.success\"}}");
    assertEquals("profile.tagging.success", api.checkCustomType(WEBHOOK, "profile.tagging.success").type());
  }

  @Test
  void builderRequiresAnApiKey() {
    assertThrows(IllegalStateException.class, () -> HrFlowWebhookApi.builder().build());
    assertThrows(IllegalArgumentException.class, () -> HrFlowWebhookApi.builder().apiKey(" "));
    assertEquals(URI.create("https://api.hrflow.ai/v1"), HrFlowWebhookApi.DEFAULT_BASE_URL);
  }
}
