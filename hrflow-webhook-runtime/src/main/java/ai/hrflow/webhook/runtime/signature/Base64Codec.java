package ai.hrflow.webhook.runtime.signature;

import java.util.Base64;

/**
 * Base64 as HrFlow's senders write it: the URL-safe alphabet or the standard one, with or without
 * {@code =} padding.
 */
final class Base64Codec {

  private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();
  private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder();

  private Base64Codec() {}

  /**
   * Decodes {@code text[from, to)} in either alphabet, padded or not.
   *
   * @return the bytes, or null if the text is not base64
   */
  static byte[] decode(String text, int from, int to) {
    byte[] ascii = new byte[to - from];
    int length = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '=') {
        break; // padding ends the data; Java's decoder does not require it
      }
      if (c > 0x7f) {
        return null;
      }
      ascii[length++] = (byte) (c == '+' ? '-' : c == '/' ? '_' : c);
    }
    try {
      return URL_DECODER.decode(length == ascii.length ? ascii : java.util.Arrays.copyOf(ascii, length));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** The padded URL-safe encoding of {@code bytes}, as python-hrflow-api writes it. */
  static String encode(byte[] bytes) {
    return URL_ENCODER.encodeToString(bytes);
  }
}
