package ai.hrflow.webhook.runtime.internal.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the server holds at once, across all connections: a body that must be
 * read before its signature can be checked takes its size from here first, and a request that cannot
 * get it is refused at once, so that unauthenticated clients can never make the server buffer more
 * than this. Lock-free.
 */
public final class BodyBudget {

  private final long capacity;
  private final AtomicLong available;

  /** A budget of {@code capacity} bytes. */
  public BodyBudget(long capacity) {
    this.capacity = capacity;
    this.available = new AtomicLong(capacity);
  }

  /** {@return whether {@code bytes} were taken; if not, nothing was} */
  public boolean tryTake(long bytes) {
    long left;
    do {
      left = available.get();
      if (left < bytes) {
        return false;
      }
    } while (!available.compareAndSet(left, left - bytes));
    return true;
  }

  /** Gives back {@code bytes} taken before. */
  public void giveBack(long bytes) {
    available.addAndGet(bytes);
  }

  /** {@return the budget's size, in bytes} */
  public long capacity() {
    return capacity;
  }

  /** {@return the bytes not taken now} */
  public long available() {
    return available.get();
  }
}
