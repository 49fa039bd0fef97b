package ai.hrflow.webhook.runtime.internal.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Base64CodecTest {

  /** Every length from 0 to 200 (all three tails), random bytes, in every way a sender may write them. */
  @Test
  void decodesEitherAlphabetPaddedOrNot() {
    Random random = new Random(42);
    for (int length = 0; length <= 200; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String standard = Base64.getEncoder().encodeToString(bytes);
      String url = Base64.getUrlEncoder().encodeToString(bytes);
      for (String text : new String[] {standard, url, unpadded(standard), unpadded(url)}) {
        assertArrayEquals(bytes, Base64Codec.decode(text), text);
      }
    }
  }

  @Test
  void decodesATextMixingBothAlphabets() {
    byte[] bytes = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, (byte) 0xfb, (byte) 0xff, (byte) 0xbf};
    assertArrayEquals(bytes, Base64Codec.decode("-_-_+/+/"));
    assertArrayEquals(bytes, Base64Codec.decode("+_-/-/+_"));
  }

  @Test
  void decodesTheEndOfATextFromItsBytesWithoutModifyingThem() {
    String header = "c2ln.-_-_+/+/";
    byte[] latin1 = header.getBytes(StandardCharsets.ISO_8859_1);
    byte[] expected = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, (byte) 0xfb, (byte) 0xff, (byte) 0xbf};
    assertArrayEquals(expected, Base64Codec.decode(header, latin1, 5));
    assertArrayEquals(header.getBytes(StandardCharsets.ISO_8859_1), latin1);
    assertArrayEquals("sig".getBytes(StandardCharsets.US_ASCII), Base64Codec.decode("+/+/.c2ln", "+/+/.c2ln".getBytes(StandardCharsets.ISO_8859_1), 5));
    assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, Base64Codec.decode("ab.-_8", "ab.-_8".getBytes(StandardCharsets.ISO_8859_1), 3));
    assertNull(Base64Codec.decode("ab.AA€A", "ab.AA€A".getBytes(StandardCharsets.ISO_8859_1), 3));
  }

  @Test
  void decodesTheJsonOfASignedHeader() {
    byte[] json = "{\"type\":\"profile.parsing.success\",\"name\":\"Zoë Ødegård ✓\"}".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(json, Base64Codec.decode(Base64Codec.encode(json)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A", "AAAAA", // a lone last character holds no byte
        "AA=", "AAA==", "AAAA=", "=", "====", "A===", // padding that does not complete a group
        "AA==AA==", "AAA=A", // content after padding
        "AA AA", " AAAA", "AAAA\n", "AA\tA", // whitespace
        "AA.A", "AA*A", "AA%3D", "AAé=", "AAü=", "AAA\u00ff", "AA\u20acA", "AA\u0000A" // outside both alphabets
      })
  void refusesWhatIsNotBase64(String text) {
    assertNull(Base64Codec.decode(text), text);
  }

  private static String unpadded(String text) {
    return text.replace("=", "");
  }
}
