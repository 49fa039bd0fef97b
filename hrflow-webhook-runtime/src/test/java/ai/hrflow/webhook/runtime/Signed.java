package ai.hrflow.webhook.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Signed requests for tests, made with the public {@link WebhookSigner}. */
final class Signed {

  static final String SECRET = "whsec-test-secret-ünïcödé";

  private Signed() {}

  /** Headers that sign {@code json} with {@link #SECRET} in {@code scheme}. */
  static Map<String, List<String>> headers(SignatureScheme scheme, String json) {
    return headers(scheme, SECRET, json.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, List<String>> headers(SignatureScheme scheme, String secret, byte[] payload) {
    return Map.of(WebhookSigner.HEADER_NAME, List.of(WebhookSigner.sign(scheme, secret, payload)));
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** One minimal event of {@code type}. */
  static String event(String type) {
    return "{\"type\":\"" + type + "\",\"origin\":\"api\",\"message\":\"m\"}";
  }

  /** A JSON array of minimal events of {@code types}. */
  static String batch(String... types) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < types.length; i++) {
      json.append(i == 0 ? "" : ",").append(event(types[i]));
    }
    return json.append(']').toString();
  }
}
