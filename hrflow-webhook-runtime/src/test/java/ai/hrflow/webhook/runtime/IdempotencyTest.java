package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.testhooks.RecordingHooks;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Opt-in deduplication: redeliveries acknowledged without running handlers twice, failures retried. */
class IdempotencyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingHooks hooks = new RecordingHooks();
  private final IdempotencyStore store = IdempotencyStore.inMemory(1000);
  private final WebhookReceiver receiver =
      WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(hooks.dispatcher()).deduplicate(store).build();

  private WebhookResponse deliver(String json) {
    return receiver.receive(Signed.headers(SignatureScheme.SIGNED_HEX, json), Signed.utf8(json));
  }

  @Test
  void redeliveryOfAHandledEventIsAcknowledgedWithoutRunningItsHandler() throws Exception {
    String event = "{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"p-1\"}}";
    WebhookResponse first = deliver(event);
    assertEquals(200, first.status());
    WebhookResponse again = deliver(event);
    assertEquals(200, again.status());
    assertEquals(first, again, "the answer tells a replayer nothing of what was seen before");
    assertEquals(List.of("profile.parsing.success"), hooks.types());
  }

  @Test
  void redeliveriesAreAnsweredAsTheirFirstDeliveryWasWhateverTheirHandler() {
    for (String type : List.of("profile.parsing.success", "profile.tagging.success")) { // bound, and the fallback
      String event = Signed.event(type);
      WebhookResponse first = deliver(event);
      assertEquals(first, deliver(event), type);
    }
    WebhookReceiver withoutFallback =
        WebhookReceiver.builder()
            .secret(Signed.SECRET)
            .dispatcher(new WithoutFallbackHooksDispatcher(payload -> {}))
            .deduplicate(IdempotencyStore.inMemory(10))
            .build();
    String unhandled = Signed.event("job.parsing.success");
    WebhookResponse first = withoutFallback.receive(Signed.headers(SignatureScheme.SIGNED_HEX, unhandled), Signed.utf8(unhandled));
    assertEquals("{\"events\":1,\"handled\":0,\"fallback\":0,\"unhandled\":1}", first.body());
    assertEquals(first, withoutFallback.receive(Signed.headers(SignatureScheme.SIGNED_HEX, unhandled), Signed.utf8(unhandled)));
  }

  @Test
  void aHandlerThatDiesOfAnErrorLeavesNoClaimBehind() {
    AtomicInteger calls = new AtomicInteger();
    WebhookReceiver dying =
        WebhookReceiver.builder()
            .secret(Signed.SECRET)
            .dispatcher(
                new WithoutFallbackHooksDispatcher(
                    payload -> {
                      if (calls.incrementAndGet() == 1) {
                        throw new StackOverflowError("a fatal error, rethrown");
                      }
                    }))
            .deduplicate(IdempotencyStore.inMemory(10))
            .build();
    String event = Signed.event("profile.parsing.success");
    assertThrows(StackOverflowError.class, () -> dying.receive(Signed.headers(SignatureScheme.SIGNED_HEX, event), Signed.utf8(event)));
    assertEquals(200, dying.receive(Signed.headers(SignatureScheme.SIGNED_HEX, event), Signed.utf8(event)).status(), "not 503 busy");
    assertEquals(2, calls.get());
  }

  @Test
  void aClaimExpiresSoThatAHandlerThatNeverReturnedCannotBlockItsEventForever() {
    AtomicLong clock = new AtomicLong();
    IdempotencyStore store = new InMemoryIdempotencyStore(10, Duration.ofMinutes(5), clock::get);
    assertEquals(IdempotencyStore.Claim.CLAIMED, store.claim("k"));
    clock.addAndGet(Duration.ofMinutes(4).toNanos());
    assertEquals(IdempotencyStore.Claim.BUSY, store.claim("k"));
    clock.addAndGet(Duration.ofMinutes(2).toNanos());
    assertEquals(IdempotencyStore.Claim.CLAIMED, store.claim("k"), "expired");
  }

  @Test
  void aBatchRedeliveredAfterAPartialFailureRunsOnlyWhatFailed() throws Exception {
    hooks.failOn("job.embedding.error");
    String batch = Signed.batch("profile.parsing.success", "job.embedding.error");
    assertEquals(500, deliver(batch).status());
    RecordingHooks.Received first = hooks.received().get(0);
    assertEquals("profile.parsing.success", first.type());

    WebhookResponse retry = deliver(batch);
    assertEquals(500, retry.status(), "the failing handler still fails");
    assertEquals(List.of("profile.parsing.success", "job.embedding.error", "job.embedding.error"), hooks.types());
    JsonNode answer = JSON.readTree(retry.body());
    assertEquals(1, answer.get("handled").asInt(), "the event handled before counts as handled");
    assertFalse(answer.has("duplicates"), "nothing tells a replayer what was seen before");
  }

  @Test
  void anEventWhoseHandlerFailedIsNotRemembered() throws Exception {
    hooks.failOn("job.embedding.error");
    String event = Signed.event("job.embedding.error");
    assertEquals(500, deliver(event).status());
    assertEquals(500, deliver(event).status());
    assertEquals(2, hooks.types().size(), "the handler ran for both deliveries");
  }

  @Test
  void distinctEventsOfTheSameTypeAreNotDuplicates() {
    assertEquals(200, deliver("{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"a\"}}").status());
    assertEquals(200, deliver("{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"b\"}}").status());
    assertEquals(2, hooks.types().size());
  }

  @Test
  void concurrentRedeliveriesRunTheHandlerOnceAndTheOthersRetry() throws Exception {
    String event = "{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"concurrent\"}}";
    hooks.hold(1);
    int deliveries = 8;
    ExecutorService senders = Executors.newFixedThreadPool(deliveries);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < deliveries; i++) {
      statuses.add(
          senders.submit(
              () -> {
                start.await();
                int status;
                while ((status = deliver(event).status()) == 503) {
                  Thread.sleep(20); // what a sender does with 503: retry later
                }
                return status;
              }));
    }
    start.countDown();
    assertTrue(hooks.awaitEntered(5000));
    Thread.sleep(200); // the other deliveries arrive while the first is being handled
    hooks.release();
    for (Future<Integer> status : statuses) {
      assertEquals(200, status.get(10, TimeUnit.SECONDS));
    }
    senders.shutdownNow();
    assertEquals(List.of("profile.parsing.success"), hooks.types(), "exactly one delivery ran the handler");
  }

  @Test
  void theInMemoryStoreForgetsTheOldestBeyondItsBound() {
    IdempotencyStore small = IdempotencyStore.inMemory(2);
    for (String key : List.of("a", "b", "c")) {
      assertEquals(IdempotencyStore.Claim.CLAIMED, small.claim(key));
      small.complete(key);
    }
    assertEquals(IdempotencyStore.Claim.CLAIMED, small.claim("a"), "the oldest was forgotten");
    assertEquals(IdempotencyStore.Claim.DONE, small.claim("c"));
    assertEquals(IdempotencyStore.Claim.BUSY, small.claim("a"), "claimed, not yet complete");
    small.release("a");
    assertEquals(IdempotencyStore.Claim.CLAIMED, small.claim("a"));
  }
}
