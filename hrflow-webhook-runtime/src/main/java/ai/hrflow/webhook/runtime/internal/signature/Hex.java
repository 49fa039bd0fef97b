package ai.hrflow.webhook.runtime.internal.signature;

/** Lower-case hexadecimal, as HMAC digests are written in HrFlow's headers. */
public final class Hex {

  private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private Hex() {}

  /** The lower-case hex ASCII bytes of {@code bytes}. */
  public static byte[] encode(byte[] bytes) {
    byte[] hex = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      hex[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      hex[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return hex;
  }

  /**
   * Whether {@code hex} (ASCII hex digits, A-F in either case) is the hex form of {@code raw}, as
   * {@code MessageDigest.isEqual(encode(raw), lowerCase(hex))} says, without allocating: every byte
   * is compared (no early exit), so the time does not depend on how much of {@code raw}, the secret
   * MAC, the claim matches.
   */
  public static boolean matches(byte[] hex, byte[] raw) {
    if (hex.length != raw.length * 2) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < raw.length; i++) {
      difference |= lower(hex[2 * i]) ^ DIGITS[(raw[i] >> 4) & 0xf];
      difference |= lower(hex[2 * i + 1]) ^ DIGITS[raw[i] & 0xf];
    }
    return difference == 0;
  }

  /** {@code b} with A-F turned into a-f (a branch on the claim's own byte, never on the MAC). */
  private static int lower(byte b) {
    return b >= 'A' && b <= 'F' ? b + ('a' - 'A') : b;
  }
}
