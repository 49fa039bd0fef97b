package ai.hrflow.webhook.runtime;

/**
 * The four ways HrFlow's senders sign a webhook call, all HMAC-SHA256 keyed with the webhook secret.
 *
 * <p>In the three {@code SIGNED_*} schemes the header carries the JSON itself, and only that signed
 * JSON is ever decoded and dispatched, never the request body.
 */
public enum SignatureScheme {
  /**
   * {@code b64url(hex digest) "." b64url(json)}, the MAC over the JSON bytes: python-hrflow-api, the
   * official SDK.
   */
  SIGNED_HEX,
  /** {@code b64url(raw digest) "." b64url(json)}, the MAC over the JSON bytes: the PHP, Go, Java, C# and Ruby SDKs. */
  SIGNED_RAW,
  /**
   * {@code b64url(raw digest) "." seg} with {@code seg = b64url(json)}, the MAC over the ASCII of
   * {@code seg}: the documentation's PHP example and the Node SDKs.
   */
  SIGNED_SEGMENT,
  /** The hex digest alone, the MAC over the raw request body: the documentation's Ruby and Python snippet. */
  BODY_HEX
}
