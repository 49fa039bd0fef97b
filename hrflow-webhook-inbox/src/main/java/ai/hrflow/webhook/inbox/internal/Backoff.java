package ai.hrflow.webhook.inbox.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failed event is tried again: exponential back-off from {@code first}, doubling per attempt up
 * to {@code max}, with "equal jitter" (half the delay fixed, the other half random) so that events
 * that failed together, when a downstream went away, do not all come back at the same moment.
 */
public final class Backoff {

  private final long firstMillis;
  private final long maxMillis;
  private final DoubleSupplier random;

  /**
   * A back-off from {@code first} to {@code max}; {@code random} gives numbers in [0, 1).
   *
   * @throws IllegalArgumentException if {@code first} is not positive or {@code max} is less than it
   */
  public Backoff(Duration first, Duration max, DoubleSupplier random) {
    if (first.isNegative() || first.isZero()) {
      throw new IllegalArgumentException("the first retry delay is positive, not " + first);
    }
    if (max.compareTo(first) < 0) {
      throw new IllegalArgumentException("the longest retry delay (" + max + ") is at least the first (" + first + ")");
    }
    this.firstMillis = first.toMillis();
    this.maxMillis = max.toMillis();
    this.random = random;
  }

  /**
   * The delay before the next attempt, after {@code failedAttempts} failed ones (1 or more): between
   * half and all of {@code min(max, first * 2^(failedAttempts - 1))}.
   */
  public Duration after(int failedAttempts) {
    long ceiling = ceiling(failedAttempts);
    long half = ceiling / 2;
    return Duration.ofMillis(ceiling - half + (long) (random.getAsDouble() * (half + 1)));
  }

  /** {@return the longest delay after {@code failedAttempts} failed attempts, before jitter, in milliseconds} */
  public long ceiling(int failedAttempts) {
    long delay = firstMillis;
    for (int attempt = 1; attempt < failedAttempts && delay < maxMillis; attempt++) {
      delay = delay > maxMillis / 2 ? maxMillis : delay * 2;
    }
    return Math.min(delay, maxMillis);
  }
}
