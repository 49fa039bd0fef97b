package ai.hrflow.webhook.runtime.internal.log;

/**
 * Makes text that came from the network safe to log or to echo in a response: control and other
 * invisible characters (line breaks, escape, bidirectional overrides, unpaired surrogates) are shown
 * as <code>&#92;u000a</code>-style escapes, so that no one can forge a log line or move a terminal's cursor, and the
 * text is cut at a length, so that no one can write a megabyte into one line.
 */
public final class LogText {

  /** The longest a value from the network is logged. */
  public static final int MAX_LENGTH = 200;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private LogText() {}

  /** {@return {@code text} escaped and cut at {@value #MAX_LENGTH} characters; {@code "null"} for null} */
  public static String of(String text) {
    return of(text, MAX_LENGTH);
  }

  /** {@return {@code text} escaped and cut at {@code maxLength} characters, saying how many were cut} */
  public static String of(String text, int maxLength) {
    if (text == null) {
      return "null";
    }
    int shown = Math.min(text.length(), maxLength);
    StringBuilder safe = null;
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (needsEscape(text, i, c)) {
        if (safe == null) {
          safe = new StringBuilder(shown + 16).append(text, 0, i);
        }
        safe.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
      } else if (safe != null) {
        safe.append(c);
      }
    }
    if (safe == null && shown == text.length()) {
      return text;
    }
    if (safe == null) {
      safe = new StringBuilder(text.substring(0, shown));
    }
    if (shown < text.length()) {
      safe.append("...(").append(text.length() - shown).append(" more characters)");
    }
    return safe.toString();
  }

  private static boolean needsEscape(String text, int at, char c) {
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\\') {
      return c != '\\' || isEscapeLike(text, at);
    }
    if (Character.isSurrogate(c)) {
      return Character.isHighSurrogate(c)
          ? at + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(at + 1))
          : at == 0 || !Character.isHighSurrogate(text.charAt(at - 1));
    }
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
  }

  /** A backslash followed by the letter u: escaped too, so that an escape this class writes cannot be faked. */
  private static boolean isEscapeLike(String text, int at) {
    return at + 1 < text.length() && text.charAt(at + 1) == 'u';
  }
}
