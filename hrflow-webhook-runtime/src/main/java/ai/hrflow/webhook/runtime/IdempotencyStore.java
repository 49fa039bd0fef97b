package ai.hrflow.webhook.runtime;

import java.time.Duration;

/**
 * Remembers which events were handled, so that a redelivered event is acknowledged without running
 * its handler again. HrFlow sends no event id, so an event's key is a hash of its type and JSON; two
 * deliveries of the same event have the same key.
 *
 * <p>Enable it with {@link WebhookReceiver.Builder#deduplicate}. The in-memory store ({@link
 * #inMemory}) suits one process; implement this interface over Redis or a database to share it
 * between instances: {@code claim} must be atomic (Redis {@code SET key value NX PX ...}, or an
 * {@code INSERT} that fails on a duplicate key), and a claim must expire on its own, in case the
 * process dies before {@code complete} or {@code release}. The receiver always completes or releases
 * a claim it took, even when a handler dies of an {@code Error}.
 */
public interface IdempotencyStore {

  /** The answer to {@link #claim}. */
  enum Claim {
    /** Nobody handled the key: the caller now holds it and must {@code complete} or {@code release} it. */
    CLAIMED,
    /** The key was handled successfully before: acknowledge without handling. */
    DONE,
    /** Another delivery is handling the key right now: ask the sender to retry later. */
    BUSY
  }

  /**
   * Claims {@code key} for handling, atomically.
   */
  Claim claim(String key);

  /**
   * Records that the claimed {@code key} was handled successfully.
   */
  void complete(String key);

  /**
   * Gives up the claim on {@code key} because its handler failed: a redelivery will run it again.
   */
  void release(String key);

  /** How long a claim lasts in the in-memory store when its delivery neither completes nor releases it. */
  Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofMinutes(5);

  /**
   * A store in this process's memory that remembers the last {@code maxEntries} handled keys (about a
   * hundred bytes each); a claim expires after {@link #DEFAULT_CLAIM_TIMEOUT}.
   */
  static IdempotencyStore inMemory(int maxEntries) {
    return inMemory(maxEntries, DEFAULT_CLAIM_TIMEOUT);
  }

  /**
   * A store in this process's memory that remembers the last {@code maxEntries} handled keys; a claim
   * whose delivery neither completed nor released it expires after {@code claimTimeout}, so that a
   * redelivery can run the handler again. Make it longer than your slowest handler.
   */
  static IdempotencyStore inMemory(int maxEntries, Duration claimTimeout) {
    return new InMemoryIdempotencyStore(maxEntries, claimTimeout, System::nanoTime);
  }
}
