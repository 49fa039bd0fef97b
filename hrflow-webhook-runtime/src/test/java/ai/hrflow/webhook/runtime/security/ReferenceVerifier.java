package ai.hrflow.webhook.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fuzz tests' oracle: section 3 of the spec written out as plainly as possible, sharing no code
 * with the library. It says whether a request is validly signed and, if so, which JSON is trusted.
 */
final class ReferenceVerifier {

  private final String secret;

  ReferenceVerifier(String secret) {
    this.secret = secret;
  }

  /** The trusted JSON of a validly signed request, or null if it is not validly signed. */
  byte[] trustedJson(Map<String, List<String>> headers, byte[] body) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey().strip().toUpperCase(Locale.ROOT).replace('_', '-');
      if (name.startsWith("HTTP-")) {
        name = name.substring(5);
      }
      if (name.equals("HRFLOW-SIGNATURE") || name.equals("RIMINDER-SIGNATURE")) {
        for (String value : header.getValue()) {
          if (!values.contains(value.strip())) {
            values.add(value.strip());
          }
        }
      }
    }
    if (values.size() != 1 || values.get(0).isEmpty()) {
      return null; // unsigned, or contradicting signatures
    }
    String value = values.get(0);
    int dot = value.indexOf('.');
    if (dot < 0) {
      return hexEquals(value, hmac(body)) ? body : null; // BODY_HEX
    }
    byte[] signature = base64(value.substring(0, dot));
    String segment = value.substring(dot + 1);
    byte[] json = base64(segment);
    if (signature == null || json == null || json.length == 0) {
      return null;
    }
    if (signature.length == 64 && hexEquals(new String(signature, StandardCharsets.ISO_8859_1), hmac(json))) {
      return json; // SIGNED_HEX
    }
    if (Arrays.equals(signature, hmac(json))) {
      return json; // SIGNED_RAW
    }
    if (Arrays.equals(signature, hmac(segment.getBytes(StandardCharsets.ISO_8859_1)))) {
      return json; // SIGNED_SEGMENT
    }
    return null;
  }

  private byte[] hmac(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean hexEquals(String hex, byte[] digest) {
    return hex.toLowerCase(Locale.ROOT).equals(HexFormat.of().formatHex(digest));
  }

  /** Either alphabet, padded or not; null if not base64. */
  private static byte[] base64(String text) {
    String normalized = text.replace('+', '-').replace('/', '_');
    int padding = 0;
    while (normalized.endsWith("=")) {
      normalized = normalized.substring(0, normalized.length() - 1);
      padding++;
    }
    if (padding > 2 || (padding > 0 && (normalized.length() + padding) % 4 != 0) || normalized.length() % 4 == 1) {
      return null;
    }
    for (char c : normalized.toCharArray()) {
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
        return null;
      }
    }
    try {
      return Base64.getUrlDecoder().decode(normalized);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
