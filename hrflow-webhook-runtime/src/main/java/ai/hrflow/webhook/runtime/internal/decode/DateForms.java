package ai.hrflow.webhook.runtime.internal.decode;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * Parses every date form HrFlow sends into an {@link Instant}: ISO-8601 with an offset written
 * {@code +0000}, {@code +00:00}, {@code +00} or {@code Z}; without an offset (taken as UTC); a bare
 * date (midnight UTC); a space instead of {@code T}; and epoch seconds or milliseconds, as a number
 * or a string of digits.
 *
 * <p>Hand-written, down to the calendar arithmetic: a {@code DateTimeFormatter} with optional
 * sections takes about a microsecond and a half per date, {@code LocalDateTime} about a hundred
 * nanoseconds, this a few dozen, and a profile has many dates. {@code DateFormsTest} checks it
 * against {@code java.time} on dates of every month of four centuries.
 */
public final class DateForms {

  /**
   * Epoch values at or above this are milliseconds: as seconds they would lie after the year 5000,
   * as milliseconds it is March 1973, before any HrFlow data.
   */
  static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private static final long SECONDS_PER_DAY = 86_400;

  /** What {@link #offsetSeconds} answers for a malformed offset; no offset is this many seconds. */
  private static final int NO_OFFSET = Integer.MIN_VALUE;

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
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
      return null;
    }
    if (length == 10) {
      return Instant.ofEpochSecond(epochDay(year, month, day) * SECONDS_PER_DAY);
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
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int offsetSeconds = offsetSeconds(s, at);
    if (offsetSeconds == NO_OFFSET) {
      return null;
    }
    long local = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    return Instant.ofEpochSecond(local - offsetSeconds, nanos);
  }

  /**
   * The offset written from {@code at} to the end, in seconds: none (UTC), Z, ±HH, ±HHmm or ±HH:mm;
   * {@link #NO_OFFSET} if malformed or beyond the ±18 hours {@code ZoneOffset} allows.
   */
  private static int offsetSeconds(String s, int at) {
    int left = s.length() - at;
    if (left == 0) {
      return 0;
    }
    char sign = s.charAt(at);
    if (left == 1 && (sign == 'Z' || sign == 'z')) {
      return 0;
    }
    if (sign != '+' && sign != '-') {
      return NO_OFFSET;
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
      return NO_OFFSET;
    }
    if (hours < 0 || minutes < 0 || minutes > 59 || hours > 18 || (hours == 18 && minutes > 0)) {
      return NO_OFFSET;
    }
    int seconds = hours * 3600 + minutes * 60;
    return sign == '+' ? seconds : -seconds;
  }

  /** Days from 1970-01-01 to the given date of the proleptic Gregorian calendar (H. Hinnant's algorithm). */
  static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  private static int daysIn(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
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
