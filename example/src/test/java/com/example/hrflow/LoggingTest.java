package com.example.hrflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example's logging as users see it, in JVMs of their own: with the JDK's default configuration
 * a delivered event writes nothing but the handler's own line; with {@code logging.properties} (the
 * configuration a user writes) each delivery gets a DEBUG line.
 */
class LoggingTest {

  private static final String EVENT = "{\"type\":\"job.embedding.error\",\"message\":\"boom\"}";

  @Test
  void byDefaultADeliveryWritesOnlyWhatTheHandlerPrints() throws Exception {
    try (ExampleProcess example = ExampleProcess.onClassPath()) {
      assertEquals(200, example.post(EVENT));
      example.await(Pattern.compile("job embedding failed: boom"));
      assertEquals(200, example.post(EVENT.replace("boom", "second")));
      example.await(Pattern.compile("job embedding failed: second"));
      assertTrue(example.lines().stream().noneMatch(line -> line.contains("webhook 200")), example.lines().toString());
    }
  }

  @Test
  void withTheExamplesLoggingPropertiesEachDeliveryGetsADebugLine() throws Exception {
    try (ExampleProcess example = ExampleProcess.onClassPath("-Djava.util.logging.config.file=logging.properties")) {
      assertEquals(200, example.post(EVENT));
      example.await(Pattern.compile("FINE webhook 200 1 event \\[job.embedding.error\\] SIGNED_HEX in [0-9.]+ ms"));
    }
  }
}
