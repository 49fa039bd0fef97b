package ai.hrflow.webhook.runtime;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@link IdempotencyStore#inMemory}: handled keys in insertion order, the oldest forgotten first. */
final class InMemoryIdempotencyStore implements IdempotencyStore {

  private final int maxEntries;
  private final Set<String> inProgress = new HashSet<>();
  private final LinkedHashMap<String, Boolean> done;

  InMemoryIdempotencyStore(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("remember at least one event");
    }
    this.maxEntries = maxEntries;
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
    return inProgress.add(key) ? Claim.CLAIMED : Claim.BUSY;
  }

  @Override
  public synchronized void complete(String key) {
    inProgress.remove(key);
    done.put(key, Boolean.TRUE);
  }

  @Override
  public synchronized void release(String key) {
    inProgress.remove(key);
  }

  /** How many handled keys are remembered now. */
  synchronized int size() {
    return done.size();
  }

  @Override
  public String toString() {
    return "InMemoryIdempotencyStore[max " + maxEntries + "]";
  }
}
