package ai.hrflow.webhook.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromTheFirstDelayUpToTheLongest() {
    Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(2), () -> 0.999_999);
    long[] ceilings = new long[8];
    for (int attempt = 1; attempt <= 8; attempt++) {
      ceilings[attempt - 1] = backoff.ceiling(attempt);
    }
    assertEquals(10_000, ceilings[0]);
    assertEquals(20_000, ceilings[1]);
    assertEquals(40_000, ceilings[2]);
    assertEquals(80_000, ceilings[3]);
    assertEquals(120_000, ceilings[4]);
    assertEquals(120_000, ceilings[7]);
    assertEquals(Duration.ofSeconds(40), backoff.after(3), "a random number near 1 gives the ceiling");
  }

  @Test
  void jitterTakesUpToHalfOffAndSpreadsTheDelays() {
    Random random = new Random(42);
    Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), random::nextDouble);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      long millis = backoff.after(3).toMillis();
      assertTrue(millis >= 20_000 && millis <= 40_000, millis + " is within [half, all] of 40 s");
      seen.add(millis / 1000);
    }
    assertTrue(seen.size() > 15, "delays spread over the whole range, not a few values: " + seen);
    assertEquals(Duration.ofSeconds(5), new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), () -> 0).after(1), "a random 0 gives half");
  }

  @Test
  void hugeAttemptCountsNeitherOverflowNorExceedTheLongest() {
    Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofDays(365), () -> 0.5);
    assertEquals(Duration.ofDays(365).toMillis(), backoff.ceiling(Integer.MAX_VALUE));
    assertTrue(backoff.after(1_000).compareTo(Duration.ofDays(365)) <= 0);
  }

  @Test
  void refusesDelaysThatMakeNoSense() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0));
    IllegalArgumentException reversed =
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(1), Duration.ofSeconds(1), () -> 0));
    assertTrue(reversed.getMessage().contains("at least the first"), reversed.getMessage());
  }
}
