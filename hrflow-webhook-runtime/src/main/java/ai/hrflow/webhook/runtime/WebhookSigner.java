package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.signature.SignatureHeaders;
import ai.hrflow.webhook.runtime.signature.SignatureWriter;
import java.nio.charset.StandardCharsets;

/**
 * Signs payloads the way HrFlow does, so that tests and tools can send requests a {@link
 * WebhookReceiver} accepts.
 *
 * <pre>{@code
 * byte[] body = "{\"type\":\"profile.parsing.success\"}".getBytes(UTF_8);
 * String header = WebhookSigner.sign(SignatureScheme.SIGNED_HEX, secret, body);
 * // send body with the header WebhookSigner.HEADER_NAME: header
 * }</pre>
 */
public final class WebhookSigner {

  /** The header name HrFlow's documentation uses; the receiver accepts every variant. */
  public static final String HEADER_NAME = SignatureHeaders.CANONICAL_NAME;

  private WebhookSigner() {}

  /**
   * The signature header value for {@code payload}. In the {@code SIGNED_*} schemes the header
   * carries {@code payload}, which is also sent as the body; in {@code BODY_HEX} it signs the body.
   *
   * @throws IllegalArgumentException if {@code secret} is empty
   * @param scheme the scheme
   * @param secret the secret
   * @param payload the payload
   * @return the signature header value for {@code payload}
   */
  public static String sign(SignatureScheme scheme, String secret, byte[] payload) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a webhook secret is never empty");
    }
    return SignatureWriter.sign(scheme, secret, payload);
  }

  /**
   * {@link #sign(SignatureScheme, String, byte[])} for a JSON string, as UTF-8.
   *
   * @param scheme the scheme
   * @param secret the secret
   * @param json the json
   * @return {@link #sign(SignatureScheme, String, byte[])} for a JSON string, as UTF-8
   */
  public static String sign(SignatureScheme scheme, String secret, String json) {
    return sign(scheme, secret, json.getBytes(StandardCharsets.UTF_8));
  }
}
