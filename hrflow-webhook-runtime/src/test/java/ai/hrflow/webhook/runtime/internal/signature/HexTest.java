package ai.hrflow.webhook.runtime.internal.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Hex#matches} says what comparing the encoded MAC with the lower-cased claim says. */
class HexTest {

  /** What the verifier compared before: the MAC encoded, the claim with A-F lower-cased. */
  private static boolean reference(byte[] hex, byte[] raw) {
    byte[] lower = hex.clone();
    for (int i = 0; i < lower.length; i++) {
      lower[i] = lower[i] >= 'A' && lower[i] <= 'F' ? (byte) (lower[i] + ('a' - 'A')) : lower[i];
    }
    return MessageDigest.isEqual(Hex.encode(raw), lower);
  }

  @Test
  void agreesWithEncodingAndComparingOnEveryClaim() {
    Random random = new Random(20261130);
    for (int round = 0; round < 20_000; round++) {
      byte[] raw = new byte[32];
      random.nextBytes(raw);
      byte[] hex = Hex.encode(raw);
      switch (round % 6) {
        case 0 -> { } // the right claim
        case 1 -> hex = new String(hex, java.nio.charset.StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        case 2 -> hex[random.nextInt(hex.length)] ^= (byte) (1 + random.nextInt(255)); // one byte changed, anything
        case 3 -> hex[random.nextInt(hex.length)] = (byte) random.nextInt(256); // maybe the same byte again
        case 4 -> hex = java.util.Arrays.copyOf(hex, hex.length - 1 - random.nextInt(3));
        default -> {
          // a near-alias of a digit: '0' with a bit cleared, or a letter outside A-F
          int at = random.nextInt(hex.length);
          hex[at] = (byte) (hex[at] & ~0x20);
        }
      }
      assertEquals(reference(hex, raw), Hex.matches(hex, raw), "round " + round);
    }
  }

  @Test
  void acceptsEitherCaseAndNothingElse() {
    byte[] raw = {(byte) 0xAB, 0x01, (byte) 0xF0};
    assertTrue(Hex.matches("ab01f0".getBytes(), raw));
    assertTrue(Hex.matches("AB01F0".getBytes(), raw));
    assertFalse(Hex.matches("ab01f".getBytes(), raw));
    assertFalse(Hex.matches(new byte[] {'a', 'b', 0x10, '1', 'f', '0'}, raw), "0x10 is not '0'");
    assertFalse(Hex.matches("ab01g0".getBytes(), raw));
  }
}
