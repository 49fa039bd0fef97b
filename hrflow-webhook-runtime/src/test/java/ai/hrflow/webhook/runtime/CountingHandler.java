package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts, per profile key, how many times a handler completed for it. */
final class CountingHandler {

  final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
  volatile long workMillis;

  WebhookDispatcher dispatcher() {
    return new WithoutFallbackHooksDispatcher(
        (ProfilePayload event) -> {
          if (workMillis > 0) {
            try {
              Thread.sleep(workMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted", e);
            }
          }
          completed.computeIfAbsent(event.profile().key(), key -> new AtomicInteger()).incrementAndGet();
        });
  }

  static String event(String key) {
    return "{\"type\":\"profile.parsing.success\",\"origin\":\"api\",\"profile\":{\"key\":\"" + key + "\"}}";
  }
}
