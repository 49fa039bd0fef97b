package ai.hrflow.webhook.runtime.internal.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets one log line per key through per interval, and counts the ones it holds back, so that what
 * anyone on the network can trigger (refused requests) stays visible without ever flooding the log.
 * The number of keys is bounded too: past {@value #MAX_KEYS}, every new key shares one slot.
 * Thread-safe and lock-free; a line held back costs a map lookup and an increment.
 */
public final class RateLimit {

  /** The most keys tracked; a caller's keys should be a small fixed set, this bounds a mistake. */
  public static final int MAX_KEYS = 64;

  private static final String OTHER = "(other)";

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

  /** One key's state: when a line may next be written, and how many were held back since the last. */
  private static final class Slot {
    final AtomicLong nextAllowed;
    final AtomicLong heldBack = new AtomicLong();

    Slot(long now) {
      nextAllowed = new AtomicLong(now);
    }
  }

  /** A limit of one line per key per {@code intervalNanos}, timed by {@code nanoClock}. */
  public RateLimit(long intervalNanos, LongSupplier nanoClock) {
    this.intervalNanos = intervalNanos;
    this.nanoClock = nanoClock;
  }

  /**
   * Asks to write a line for {@code key} now.
   *
   * @return -1 if the line is to be held back; otherwise how many lines for {@code key} were held
   *     back since the last one written
   */
  public long acquire(String key) {
    long now = nanoClock.getAsLong();
    Slot slot = slots.get(key);
    if (slot == null) {
      String tracked = slots.size() < MAX_KEYS ? key : OTHER;
      slot = slots.computeIfAbsent(tracked, any -> new Slot(now));
    }
    long next = slot.nextAllowed.get();
    if (now - next >= 0 && slot.nextAllowed.compareAndSet(next, now + intervalNanos)) {
      return slot.heldBack.getAndSet(0);
    }
    slot.heldBack.incrementAndGet();
    return -1;
  }
}
