package ai.hrflow.webhook.runtime.decode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.DateTimeException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Parses every date form HrFlow sends into an {@link Instant}: ISO-8601 with an offset written
 * {@code +0000}, {@code +00:00}, {@code +00} or {@code Z}; without an offset (taken as UTC); a bare
 * date (midnight UTC); a space instead of {@code T}; and epoch seconds or milliseconds, as a number
 * or a string of digits.
 */
public final class DateForms {

  /**
   * Epoch values at or above this are milliseconds: as seconds they would lie after the year 5000,
   * as milliseconds it is March 1973, before any HrFlow data.
   */
  static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private static final DateTimeFormatter ISO_ANY_OFFSET =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .optionalStart().appendLiteral('T').optionalEnd()
          .optionalStart().appendLiteral(' ').optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
          .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
          .optionalStart().appendOffset("+HH", "Z").optionalEnd()
          .optionalEnd()
          .toFormatter();

  private DateForms() {}

  /** The instant {@code text} denotes, or null if it is in none of the forms above. */
  public static Instant parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (isEpoch(trimmed)) {
      try {
        return fromEpoch(Long.parseLong(trimmed));
      } catch (NumberFormatException tooLong) {
        return null;
      }
    }
    try {
      TemporalAccessor parsed = ISO_ANY_OFFSET.parse(trimmed);
      if (!parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
        return LocalDate.from(parsed).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      LocalDateTime local = LocalDateTime.from(parsed);
      ZoneOffset offset =
          parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
      return local.toInstant(offset);
    } catch (DateTimeException notADate) {
      return null;
    }
  }

  /** The instant of an epoch value in seconds or, from {@link #MILLIS_THRESHOLD} on, milliseconds. */
  public static Instant fromEpoch(long value) {
    return Math.abs(value) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }

  /** The instant of a fractional epoch value, such as {@code 1589278320.5}. */
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
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
