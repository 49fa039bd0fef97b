package ai.hrflow.webhook.runtime;

/**
 * Remembers which events were handled, so that a redelivered event is acknowledged without running
 * its handler again. HrFlow sends no event id, so an event's key is a hash of its type and JSON; two
 * deliveries of the same event have the same key.
 *
 * <p>Enable it with {@link WebhookReceiver.Builder#deduplicate}. The in-memory store ({@link
 * #inMemory}) suits one process; implement this interface over Redis or a database to share it
 * between instances: {@code claim} must be atomic (Redis {@code SET key value NX PX ...}, or an
 * {@code INSERT} that fails on a duplicate key), and a claim should expire on its own in case the
 * process dies before {@code complete} or {@code release}.
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

  /**
   * A store in this process's memory that remembers the last {@code maxEntries} handled keys (about
   * a hundred bytes each).
   */
  static IdempotencyStore inMemory(int maxEntries) {
    return new InMemoryIdempotencyStore(maxEntries);
  }
}
