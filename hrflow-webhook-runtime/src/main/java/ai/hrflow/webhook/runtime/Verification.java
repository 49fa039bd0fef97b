package ai.hrflow.webhook.runtime;

/** The outcome of checking a request's signature: the verified payload, or why there is none. */
public sealed interface Verification {

  /**
   * The signature holds; {@code payload} is the only JSON that may be decoded: the signed JSON from
   * the header in the {@code SIGNED_*} schemes, the request body in {@code BODY_HEX}.
   *
   * @param scheme the scheme that verified
   * @param payload the verified JSON bytes
   */
  record Verified(SignatureScheme scheme, byte[] payload) implements Verification {}

  /**
   * The signature does not hold.
   *
   * @param reason why, in words safe to send back and to log: never the signature or the secret
   */
  record Rejected(String reason) implements Verification {}
}
