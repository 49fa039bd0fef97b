package ai.hrflow.webhook.inbox;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooks;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A handler of {@code profile.parsing.success} that records, per profile key, every attempt and
 * every completion, and fails on demand: keys starting {@code fail-} throw while {@link #failing} is
 * on; keys starting {@code slow-} take {@link #slowMillis}.
 */
class Recorder implements WithoutFallbackHooks {

  /** The secret the tests and {@link InboxNode} verify with. */
  static final String SECRET = InboxNode.SECRET;

  final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
  final Map<String, List<Long>> attemptTimes = new ConcurrentHashMap<>();
  final Map<String, String> threads = new ConcurrentHashMap<>();
  volatile boolean failing = true;
  volatile long slowMillis = 500;

  WebhookDispatcher dispatcher() {
    return new WithoutFallbackHooksDispatcher(this);
  }

  @Override
  public void onProfileParsingSuccess(ProfilePayload event) {
    String key = event.profile().key();
    attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    attemptTimes.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
    threads.put(key, Thread.currentThread().getName());
    if (key.startsWith("fail-") && failing) {
      throw new IllegalStateException("the downstream ATS is down (" + key + ")");
    }
    if (key.startsWith("slow-")) {
      try {
        Thread.sleep(slowMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    completed.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  static String event(String key) {
    return "{\"type\":\"profile.parsing.success\",\"origin\":\"api\",\"message\":\"ok\",\"profile\":{\"key\":\"" + key + "\",\"info\":{\"full_name\":\"Zoë Ångström\"}}}";
  }

  /** Waits until {@code done} holds of the completed keys, or fails after {@code timeout}. */
  void await(Predicate<Map<String, AtomicInteger>> done, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(completed)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; completed: " + completed.keySet().size() + " keys, attempts: " + attempts);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
