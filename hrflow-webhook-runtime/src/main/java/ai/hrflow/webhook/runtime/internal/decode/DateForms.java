package ai.hrflow.webhook.runtime.internal.decode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Parses every date form HrFlow sends into an {@link Instant}: ISO-8601 with an offset written
 * {@code +0000}, {@code +00:00}, {@code +00} or {@code Z}; without an offset (taken as UTC); a bare
 * date (midnight UTC); a space instead of {@code T}; and epoch seconds or milliseconds, as a number
 * or a string of digits.
 *
 * <p>Hand-written rather than a {@code DateTimeFormatter} with optional sections: that one took about
 * a microsecond and a half per date, this one a few dozen nanoseconds, and a profile has many dates.
 */
public final class DateForms {

  /**
   * Epoch values at or above this are milliseconds: as seconds they would lie after the year 5000,
   * as milliseconds it is March 1973, before any HrFlow data.
   */
  static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private DateForms() {}

  /**
   * The instant {@code text} denotes, or null if it is in none of the forms above.
   */
  public static Instant parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (isEpoch(s)) {
      try {
        return fromEpoch(Long.parseLong(s));
      } catch (NumberFormatException tooLong) {
        return null;
      }
    }
    try {
      return parseIso(s);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  /** {@code yyyy-MM-dd[(T| )HH:mm[:ss[.fraction]][Z|±HH|±HHmm|±HH:mm]]}, or null. */
  private static Instant parseIso(String s) {
    int length = s.length();
    if (length < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    if (length == 10) {
      return LocalDateTime.of(year, month, day, 0, 0).toInstant(ZoneOffset.UTC);
    }
    char separator = s.charAt(10);
    if ((separator != 'T' && separator != 't' && separator != ' ') || length < 16 || s.charAt(13) != ':') {
      return null;
    }
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = 0;
    int nanos = 0;
    int at = 16;
    if (at < length && s.charAt(at) == ':') {
      second = digits(s, at + 1, 2);
      at += 3;
      if (at < length && (s.charAt(at) == '.' || s.charAt(at) == ',')) {
        int start = ++at;
        while (at < length && isDigit(s.charAt(at))) {
          if (at - start < 9) {
            nanos = nanos * 10 + (s.charAt(at) - '0');
          }
          at++;
        }
        if (at == start) {
          return null;
        }
        for (int scale = Math.min(at - start, 9); scale < 9; scale++) {
          nanos *= 10;
        }
      }
    }
    if (hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    ZoneOffset offset = offset(s, at);
    if (offset == null) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
  }

  /** The offset written from {@code at} to the end: none (UTC), Z, ±HH, ±HHmm or ±HH:mm; null if malformed. */
  private static ZoneOffset offset(String s, int at) {
    int left = s.length() - at;
    if (left == 0) {
      return ZoneOffset.UTC;
    }
    char sign = s.charAt(at);
    if (left == 1 && (sign == 'Z' || sign == 'z')) {
      return ZoneOffset.UTC;
    }
    if (sign != '+' && sign != '-') {
      return null;
    }
    int hours = digits(s, at + 1, 2);
    int minutes;
    if (left == 3) {
      minutes = 0;
    } else if (left == 5) {
      minutes = digits(s, at + 3, 2);
    } else if (left == 6 && s.charAt(at + 3) == ':') {
      minutes = digits(s, at + 4, 2);
    } else {
      return null;
    }
    if (hours < 0 || minutes < 0) {
      return null;
    }
    return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
  }

  /** The number written by {@code count} digits at {@code from}, or -1 if they are not all digits. */
  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The instant of an epoch value in seconds or, from {@link #MILLIS_THRESHOLD} on, milliseconds.
   */
  public static Instant fromEpoch(long value) {
    try {
      return Math.abs(value) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  /**
   * The instant of a fractional epoch value, such as {@code 1589278320.5}, or null if out of range.
   */
  public static Instant fromEpoch(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) > 9.0e15) {
      return null;
    }
    if (Math.abs(value) >= MILLIS_THRESHOLD) {
      return Instant.ofEpochMilli((long) value);
    }
    long seconds = (long) Math.floor(value);
    return Instant.ofEpochSecond(seconds, (long) ((value - seconds) * 1_000_000_000L));
  }

  private static boolean isEpoch(String text) {
    int start = text.charAt(0) == '-' ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
