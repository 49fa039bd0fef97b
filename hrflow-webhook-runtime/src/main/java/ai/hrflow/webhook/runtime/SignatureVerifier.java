package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.internal.signature.Base64Codec;
import ai.hrflow.webhook.runtime.internal.signature.Hex;
import ai.hrflow.webhook.runtime.internal.signature.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a signature header against the request body in every allowed {@link SignatureScheme}, with
 * any of several secrets, comparing MACs in constant time: the first step of {@link
 * WebhookReceiver#receive}, on its own, for tools and for transports that keep the request before
 * handling it. {@link WebhookSigner} is its counterpart.
 *
 * <pre>{@code
 * SignatureVerifier verifier = new SignatureVerifier(List.of(secret), EnumSet.allOf(SignatureScheme.class));
 * if (verifier.verify(header, body) instanceof Verification.Verified verified) {
 *   byte[] json = verified.payload(); // the only JSON that may be trusted
 * }
 * }</pre>
 *
 * <p>A pure function of its inputs: no I/O, no logging. Instances are immutable and safe for
 * concurrent use.
 */
public final class SignatureVerifier {

  private static final int DIGEST_BYTES = 32;
  private static final int HEX_DIGEST_CHARS = 2 * DIGEST_BYTES;

  private final List<Hmac> secrets;
  private final Set<SignatureScheme> schemes;

  /**
   * A verifier that accepts a signature made with any one of {@code secrets} in any one of {@code schemes}.
   *
   * @throws IllegalArgumentException if there is no secret, an empty one, or no scheme
   */
  public SignatureVerifier(List<String> secrets, Set<SignatureScheme> schemes) {
    if (secrets.isEmpty() || schemes.isEmpty()) {
      throw new IllegalArgumentException("a verifier needs at least one secret and one scheme");
    }
    List<Hmac> keyed = new ArrayList<>(secrets.size());
    for (String secret : secrets) {
      if (secret == null || secret.isEmpty()) {
        throw new IllegalArgumentException("a webhook secret is never empty");
      }
      keyed.add(new Hmac(secret));
    }
    this.secrets = List.copyOf(keyed);
    this.schemes = Set.copyOf(EnumSet.copyOf(schemes));
  }

  /**
   * Checks {@code header}, the signature header's value, against {@code body}.
   *
   * @param header the signature header's value, or null when the request has none
   * @param body the raw request body (what {@code BODY_HEX} signs; the signed schemes carry their
   *     JSON in the header)
   * @return the verified payload and its scheme, or why the signature does not hold
   */
  public Verification verify(String header, byte[] body) {
    if (header == null || header.isBlank()) {
      return new Verification.Rejected("missing signature");
    }
    String value = header.strip();
    int dot = value.indexOf('.');
    return dot < 0 ? verifyBodyHex(value, body) : verifySigned(value, dot);
  }

  /**
   * Whether verifying {@code header} needs the request body: only a {@code BODY_HEX} signature does;
   * the signed schemes carry their JSON in the header.
   */
  static boolean signsTheBody(String header) {
    return header != null && header.strip().indexOf('.') < 0;
  }

  /**
   * What can be told of a {@code BODY_HEX} header before the body arrives: why it will be refused,
   * or null if only the body can tell.
   */
  Verification.Rejected refusalWithoutBody(String header) {
    return (Verification.Rejected) verifyBodyHex(header.strip(), null);
  }

  /** Checks a {@code BODY_HEX} header against {@code body}; a null body checks the header's form only. */
  private Verification verifyBodyHex(String value, byte[] body) {
    if (!schemes.contains(SignatureScheme.BODY_HEX)) {
      return notAccepted();
    }
    if (value.length() != HEX_DIGEST_CHARS || !isHex(value)) {
      return new Verification.Rejected("malformed signature");
    }
    if (body == null) {
      return null;
    }
    byte[] claimed = value.getBytes(StandardCharsets.US_ASCII);
    for (Hmac secret : secrets) {
      if (Hex.matches(claimed, secret.mac(body))) {
        return new Verification.Verified(SignatureScheme.BODY_HEX, body);
      }
    }
    return mismatch();
  }

  private Verification verifySigned(String value, int dot) {
    byte[] signature = Base64Codec.decode(value.substring(0, dot));
    if (signature == null || (signature.length != HEX_DIGEST_CHARS && signature.length != DIGEST_BYTES)) {
      return new Verification.Rejected("malformed signature");
    }
    // Characters beyond ISO-8859-1 become '?', which no base64 alphabet has: they are refused.
    byte[] ascii = value.getBytes(StandardCharsets.ISO_8859_1);
    byte[] json = Base64Codec.decode(value, ascii, dot + 1);
    if (json == null || json.length == 0) {
      return new Verification.Rejected("malformed signature");
    }
    if (signature.length == HEX_DIGEST_CHARS) {
      return verifySignedHex(signature, json);
    }
    // SIGNED_SEGMENT signs the segment as sent (it decoded above, so it is ASCII).
    if (segmentMatches(signature, ascii, dot + 1)) {
      return new Verification.Verified(SignatureScheme.SIGNED_SEGMENT, json);
    }
    return verifySignedRaw(signature, json);
  }

  private boolean segmentMatches(byte[] signature, byte[] ascii, int from) {
    if (!schemes.contains(SignatureScheme.SIGNED_SEGMENT)) {
      return false;
    }
    for (Hmac secret : secrets) {
      if (MessageDigest.isEqual(secret.mac(ascii, from, ascii.length - from), signature)) {
        return true;
      }
    }
    return false;
  }

  private Verification verifySignedHex(byte[] signature, byte[] json) {
    if (!schemes.contains(SignatureScheme.SIGNED_HEX)) {
      return notAccepted();
    }
    for (Hmac secret : secrets) {
      if (Hex.matches(signature, secret.mac(json))) {
        return new Verification.Verified(SignatureScheme.SIGNED_HEX, json);
      }
    }
    return mismatch();
  }

  /** A raw digest over the JSON: {@code SIGNED_RAW}. */
  private Verification verifySignedRaw(byte[] signature, byte[] json) {
    if (!schemes.contains(SignatureScheme.SIGNED_RAW)) {
      return schemes.contains(SignatureScheme.SIGNED_SEGMENT) ? mismatch() : notAccepted();
    }
    for (Hmac secret : secrets) {
      if (MessageDigest.isEqual(secret.mac(json), signature)) {
        return new Verification.Verified(SignatureScheme.SIGNED_RAW, json);
      }
    }
    return mismatch();
  }

  private static Verification mismatch() {
    return new Verification.Rejected("signature does not match");
  }

  private static Verification notAccepted() {
    return new Verification.Rejected("signature is not of an accepted scheme");
  }

  private static boolean isHex(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "SignatureVerifier[" + secrets.size() + " secret(s), schemes=" + schemes + "]";
  }
}
