package ai.hrflow.webhook.runtime.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
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
