package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookSigner;
import ai.hrflow.webhook.testing.SampleEvents;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of webhook calls and the status each must get, for the embedded JDK server and for the
 * starter's servlet alike: the tests send each call to both and compare statuses and bodies.
 */
final class StatusTable {

  private StatusTable() {}

  /** The body limit both servers are given in the tests. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** One call and the status it must get. */
  record Case(String name, String method, Map<String, String> headers, byte[] body, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases(String secret) {
    return List.of(
        signed("a profile event", SampleEvents.json("profile.parsing.success"), SignatureScheme.SIGNED_HEX, secret, 200),
        signed("a job event", SampleEvents.json("job.parsing.success"), SignatureScheme.SIGNED_HEX, secret, 200),
        signed("an action event", SampleEvents.json("action.stage.success"), SignatureScheme.SIGNED_HEX, secret, 200),
        signed("a body-signed event", SampleEvents.json("job.embedding.error"), SignatureScheme.BODY_HEX, secret, 200),
        signed("a batch", SampleEvents.batch("profile.parsing.success", "job.parsing.success", "action.stage.success"), SignatureScheme.SIGNED_HEX, secret, 200),
        signed("an unknown type", "{\"type\":\"profile.brand.new\",\"origin\":\"api\",\"message\":\"m\"}", SignatureScheme.SIGNED_HEX, secret, 200),
        signed("a forged signature", SampleEvents.json("profile.parsing.success"), SignatureScheme.SIGNED_HEX, "not-the-secret", 401),
        signed("a forged body signature", SampleEvents.json("profile.parsing.success"), SignatureScheme.BODY_HEX, "not-the-secret", 401),
        new Case("no signature", "POST", Map.of("Content-Type", "application/json"), SampleEvents.bytes("profile.parsing.success"), 401),
        signed("malformed JSON", "{\"type\":", SignatureScheme.BODY_HEX, secret, 400),
        new Case("an oversized body", "POST", signedHeaders(SignatureScheme.BODY_HEX, secret, oversized()), oversized(), 413),
        new Case("not JSON", "POST", Map.of("Content-Type", "text/plain", WebhookSigner.HEADER_NAME, WebhookSigner.sign(SignatureScheme.BODY_HEX, secret, new byte[] {'x'})), new byte[] {'x'}, 415),
        new Case("a GET", "GET", Map.of(), new byte[0], 405));
  }

  private static Case signed(String name, String json, SignatureScheme scheme, String secret, int status) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return new Case(name, "POST", signedHeaders(scheme, secret, body), body, status);
  }

  private static Map<String, String> signedHeaders(SignatureScheme scheme, String secret, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(WebhookSigner.HEADER_NAME, WebhookSigner.sign(scheme, secret, body));
    return headers;
  }

  private static byte[] oversized() {
    byte[] body = new byte[MAX_BODY_BYTES + 1];
    Arrays.fill(body, (byte) ' ');
    return body;
  }
}
