package ai.hrflow.webhook.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@link IdempotencyStore#inMemory}: handled keys in insertion order, the oldest forgotten first, and
 * claims that expire, so that a delivery whose handler never returned cannot block its event forever.
 */
final class InMemoryIdempotencyStore implements IdempotencyStore {

  private final int maxEntries;
  private final long claimNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Long> claimedUntil = new HashMap<>();
  private final LinkedHashMap<String, Boolean> done;

  InMemoryIdempotencyStore(int maxEntries, Duration claimTimeout, LongSupplier nanoClock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("remember at least one event");
    }
    if (claimTimeout.isNegative() || claimTimeout.isZero()) {
      throw new IllegalArgumentException("a claim lasts a positive time");
    }
    this.maxEntries = maxEntries;
    this.claimNanos = claimTimeout.toNanos();
    this.nanoClock = nanoClock;
    this.done =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > InMemoryIdempotencyStore.this.maxEntries;
          }
        };
  }

  @Override
  public synchronized Claim claim(String key) {
    if (done.containsKey(key)) {
      return Claim.DONE;
    }
    long now = nanoClock.getAsLong();
    Long until = claimedUntil.get(key);
    if (until != null && now - until < 0) {
      return Claim.BUSY;
    }
    if (claimedUntil.size() >= maxEntries) {
      claimedUntil.values().removeIf(expiry -> now - expiry >= 0);
    }
    claimedUntil.put(key, now + claimNanos);
    return Claim.CLAIMED;
  }

  @Override
  public synchronized void complete(String key) {
    claimedUntil.remove(key);
    done.put(key, Boolean.TRUE);
  }

  @Override
  public synchronized void release(String key) {
    claimedUntil.remove(key);
  }

  /** How many handled keys are remembered now. */
  synchronized int size() {
    return done.size();
  }

  @Override
  public String toString() {
    return "InMemoryIdempotencyStore[max " + maxEntries + ", claims expire after " + Duration.ofNanos(claimNanos) + "]";
  }
}
