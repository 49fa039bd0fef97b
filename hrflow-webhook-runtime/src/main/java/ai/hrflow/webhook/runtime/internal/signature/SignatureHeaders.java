package ai.hrflow.webhook.runtime.internal.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    String normalized = name.strip().toUpperCase(Locale.ROOT).replace('_', '-');
    if (normalized.startsWith("HTTP-")) {
      normalized = normalized.substring("HTTP-".length());
    }
    return normalized.equals("HRFLOW-SIGNATURE") || normalized.equals("RIMINDER-SIGNATURE");
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
