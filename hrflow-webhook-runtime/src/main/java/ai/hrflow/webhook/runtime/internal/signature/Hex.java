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

  /** {@code ascii} with A-F turned into a-f, so that upper-case digests compare equal. */
  public static byte[] lowerCase(byte[] ascii) {
    byte[] lower = new byte[ascii.length];
    for (int i = 0; i < ascii.length; i++) {
      byte b = ascii[i];
      lower[i] = b >= 'A' && b <= 'F' ? (byte) (b + ('a' - 'A')) : b;
    }
    return lower;
  }
}
