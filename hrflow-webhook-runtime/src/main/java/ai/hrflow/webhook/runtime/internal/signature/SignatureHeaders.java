package ai.hrflow.webhook.runtime.internal.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the signature among a request's headers, under any of the names HrFlow's senders and their
 * proxies use: {@code HTTP-HRFLOW-SIGNATURE}, {@code HTTP_HRFLOW_SIGNATURE}, {@code HRFLOW-SIGNATURE},
 * {@code HrFlow-Signature}, and the same with {@code RIMINDER}, in any case.
 */
public final class SignatureHeaders {

  /** The name HrFlow's documentation and official SDK use, and the one {@code WebhookSigner} users send. */
  public static final String CANONICAL_NAME = "HTTP-HRFLOW-SIGNATURE";

  private SignatureHeaders() {}

  /**
   * Whether {@code name} is one of the signature header's names.
   */
  public static boolean isSignatureHeader(String name) {
    // Every request's headers go through here: no allocation, one pass over the name.
    int from = 0;
    int to = name.length();
    while (from < to && Character.isWhitespace(name.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(name.charAt(to - 1))) {
      to--;
    }
    if (regionMatches(name, from, to, "HTTP-") && (matchesAt(name, from + 5, to, "HRFLOW-SIGNATURE") || matchesAt(name, from + 5, to, "RIMINDER-SIGNATURE"))) {
      return true;
    }
    return matchesAt(name, from, to, "HRFLOW-SIGNATURE") || matchesAt(name, from, to, "RIMINDER-SIGNATURE");
  }

  /** Whether {@code name[from, to)} is {@code upper}, ignoring case and taking '_' for '-'. */
  private static boolean matchesAt(String name, int from, int to, String upper) {
    return to - from == upper.length() && regionMatches(name, from, to, upper);
  }

  /** Whether {@code name[from, to)} starts with {@code upper}, ignoring case and taking '_' for '-'. */
  private static boolean regionMatches(String name, int from, int to, String upper) {
    if (to - from < upper.length()) {
      return false;
    }
    for (int i = 0; i < upper.length(); i++) {
      char c = name.charAt(from + i);
      char expected = upper.charAt(i);
      if (c == '_') {
        c = '-';
      } else if (c >= 'a' && c <= 'z') {
        c = (char) (c - ('a' - 'A'));
      }
      if (c != expected) {
        return false;
      }
    }
    return true;
  }

  /**
   * The distinct signature values among {@code headers}: none when the request is unsigned, more than
   * one when it carries contradicting signatures.
   */
  public static List<String> valuesIn(Map<String, List<String>> headers) {
    List<String> values = new ArrayList<>(1);
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey() != null && header.getValue() != null && isSignatureHeader(header.getKey())) {
        for (String value : header.getValue()) {
          if (value != null && !values.contains(value.strip())) {
            values.add(value.strip());
          }
        }
      }
    }
    return values;
  }
}
