package ai.hrflow.webhook.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads request headers given as a map whose names may be in any case, as every framework hands them over. */
final class RequestHeaders {

  private RequestHeaders() {}

  /** The first value of the header {@code name}, in any case, or null. */
  static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && header.getValue() != null && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }

  /** Whether {@code contentType} is JSON or a {@code +json} type, with any parameters; a missing type counts as JSON. */
  static boolean isJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || (type.endsWith("+json") && type.indexOf('/') > 0);
  }
}
