package ai.hrflow.webhook.runtime.signature;

import java.nio.ByteBuffer;
import java.util.Arrays;
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
   * Decodes the ASCII bytes {@code ascii[from, to)} in either alphabet, padded or not. The common
   * case, URL-safe, decodes in one pass over the JDK's decoder; the standard alphabet is translated
   * in place first (so {@code ascii} may change).
   *
   * @return the bytes, or null if the text is not base64
   */
  static byte[] decode(byte[] ascii, int from, int to) {
    try {
      return exactly(URL_DECODER.decode(ByteBuffer.wrap(ascii, from, to - from)));
    } catch (IllegalArgumentException notUrlSafe) {
      boolean translated = false;
      for (int i = from; i < to; i++) {
        if (ascii[i] == '+') {
          ascii[i] = '-';
          translated = true;
        } else if (ascii[i] == '/') {
          ascii[i] = '_';
          translated = true;
        }
      }
      if (!translated) {
        return null;
      }
      try {
        return exactly(URL_DECODER.decode(ByteBuffer.wrap(ascii, from, to - from)));
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
  }

  private static byte[] exactly(ByteBuffer decoded) {
    byte[] array = decoded.array();
    int length = decoded.remaining();
    return decoded.arrayOffset() == 0 && decoded.position() == 0 && array.length == length
        ? array
        : Arrays.copyOfRange(array, decoded.arrayOffset() + decoded.position(), decoded.arrayOffset() + decoded.position() + length);
  }

  /** The padded URL-safe encoding of {@code bytes}, as python-hrflow-api writes it. */
  static String encode(byte[] bytes) {
    return URL_ENCODER.encodeToString(bytes);
  }
}
