package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.internal.signature.Base64Codec;
import ai.hrflow.webhook.runtime.internal.signature.Hex;
import ai.hrflow.webhook.runtime.internal.signature.Hmac;
import ai.hrflow.webhook.runtime.internal.signature.SignatureHeaders;
import java.nio.charset.StandardCharsets;

/**
 * Signs payloads the way HrFlow's senders do, so that tests and tools can send requests a {@link
 * WebhookReceiver} accepts. {@link SignatureVerifier} is its counterpart.
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
   * carries {@code payload}, which senders also send as the body; in {@code BODY_HEX} it signs the
   * body.
   *
   * @param scheme how to sign
   * @param secret the webhook secret, whose UTF-8 bytes key the HMAC
   * @param payload the JSON to sign
   * @return the value of the signature header
   * @throws IllegalArgumentException if {@code secret} is empty
   */
  public static String sign(SignatureScheme scheme, String secret, byte[] payload) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a webhook secret is never empty");
    }
    Hmac hmac = new Hmac(secret);
    switch (scheme) {
      case SIGNED_HEX:
        return Base64Codec.encode(Hex.encode(hmac.mac(payload))) + "." + Base64Codec.encode(payload);
      case SIGNED_RAW:
        return Base64Codec.encode(hmac.mac(payload)) + "." + Base64Codec.encode(payload);
      case SIGNED_SEGMENT:
        String segment = Base64Codec.encode(payload);
        return Base64Codec.encode(hmac.mac(segment.getBytes(StandardCharsets.US_ASCII))) + "." + segment;
      case BODY_HEX:
        return new String(Hex.encode(hmac.mac(payload)), StandardCharsets.US_ASCII);
      default:
        throw new IllegalArgumentException("unknown scheme " + scheme);
    }
  }

  /**
   * {@link #sign(SignatureScheme, String, byte[])} for a JSON string, as UTF-8.
   *
   * @param scheme how to sign
   * @param secret the webhook secret
   * @param json the JSON to sign
   * @return the value of the signature header
   */
  public static String sign(SignatureScheme scheme, String secret, String json) {
    return sign(scheme, secret, json.getBytes(StandardCharsets.UTF_8));
  }
}
