package ai.hrflow.webhook.runtime.signature;

import ai.hrflow.webhook.runtime.SignatureScheme;
import java.nio.charset.StandardCharsets;

/** Writes signature header values the way each {@link SignatureScheme}'s senders do. */
public final class SignatureWriter {

  private SignatureWriter() {}

  /**
   * The header value that signs {@code payload} with {@code secret} in {@code scheme}. For {@code
   * BODY_HEX} the payload is the request body; for the signed schemes it is the JSON the header
   * carries (senders send it as the body too).
   *
   * @param scheme the scheme
   * @param secret the secret
   * @param payload the payload
   * @return the header value that signs {@code payload} with {@code secret} in {@code scheme}
   */
  public static String sign(SignatureScheme scheme, String secret, byte[] payload) {
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
}
