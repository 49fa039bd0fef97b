package ai.hrflow.webhook.runtime.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateFormsTest {

  @ParameterizedTest
  @CsvSource({
    "2020-05-12T10:12:00+0000, 2020-05-12T10:12:00Z",
    "2020-05-12T10:12:00Z, 2020-05-12T10:12:00Z",
    "2020-05-12T10:12:00z, 2020-05-12T10:12:00Z",
    "2020-05-12T10:12:00+00:00, 2020-05-12T10:12:00Z",
    "2020-05-12T12:12:00+02:00, 2020-05-12T10:12:00Z",
    "2020-05-12T05:12:00-0500, 2020-05-12T10:12:00Z",
    "2020-05-12T12:12:00+02, 2020-05-12T10:12:00Z",
    "2020-05-12T10:12:00.123456+00:00, 2020-05-12T10:12:00.123456Z",
    "2020-05-12T10:12, 2020-05-12T10:12:00Z",
    "2020-05-12T10:12:00, 2020-05-12T10:12:00Z",
    "2020-05-12 10:12:00, 2020-05-12T10:12:00Z",
    "2020-05-12, 2020-05-12T00:00:00Z",
    "1589278320, 2020-05-12T10:12:00Z",
    "1589278320000, 2020-05-12T10:12:00Z",
    "' 2020-05-12T10:12:00Z ', 2020-05-12T10:12:00Z",
  })
  void parsesEveryFormHrFlowSends(String text, String expected) {
    assertEquals(Instant.parse(expected), DateForms.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "yesterday", "2020-13-45", "12/05/2020", "99999999999999999999999", "-", "2020-05-12T"})
  void givesNullForWhatIsNotADate(String text) {
    assertNull(DateForms.parse(text));
  }

  @Test
  void agreesWithJavaTimeOnEveryDayOfFourCenturiesAndOnDaysThatDoNotExist() {
    int checked = 0;
    for (int year = 1900; year <= 2300; year += 1) {
      for (int month = 1; month <= 12; month++) {
        for (int day = 1; day <= 32; day++) {
          String date = String.format("%04d-%02d-%02d", year, month, day);
          int hour = (day * 7) % 25; // 24 now and then: no such hour
          int offset = (day % 5) - 2;
          String text = date + String.format("T%02d:%02d:%02d%+03d:30", hour, (day * 13) % 60, (day * 17) % 60, offset);
          assertEquals(reference(year, month, day, 0, 0, 0, 0, 0), DateForms.parse(date), date);
          assertEquals(reference(year, month, day, hour, (day * 13) % 60, (day * 17) % 60, offset, offset < 0 ? -30 : 30), DateForms.parse(text), text);
          checked += 2;
        }
      }
    }
    assertEquals(401 * 12 * 32 * 2, checked);
  }

  /** The instant java.time gives for these fields, or null where it refuses them. */
  private static Instant reference(int year, int month, int day, int hour, int minute, int second, int offsetHours, int offsetMinutes) {
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes));
    } catch (DateTimeException refused) {
      return null;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2020-05-12T10:12:00+1900", "2020-05-12T10:12:00+05:60", "2020-05-12T10:60:00Z", "2020-02-30", "2021-02-29"})
  void refusesOffsetsAndFieldsOutOfRange(String text) {
    assertNull(DateForms.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"0, 1970-01-01T00:00:00Z", "99999999999, 5138-11-16T09:46:39Z", "100000000000, 1973-03-03T09:46:40Z"})
  void readsEpochSecondsBelowTheThresholdAndMillisecondsFromIt(long epoch, String expected) {
    assertEquals(Instant.parse(expected), DateForms.fromEpoch(epoch));
  }

  @ParameterizedTest
  @CsvSource({"1589278320.5, 2020-05-12T10:12:00.500Z", "1589278320000.0, 2020-05-12T10:12:00Z"})
  void readsFractionalEpochs(double epoch, String expected) {
    assertEquals(Instant.parse(expected), DateForms.fromEpoch(epoch));
  }
}
