package ai.hrflow.webhook.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a node holds in memory of the events it runs itself is bounded in events and in bytes of JSON. */
class LocalRunsRoomTest {

  @Test
  void roomIsBoundedInEventsAndInBytes() {
    LocalRuns local = new LocalRuns(null, null, Runnable::run, "node", 2, 1000, Duration.ZERO);
    assertTrue(local.reserve(1, 600));
    assertFalse(local.reserve(1, 600), "1,200 bytes would be held, over 1,000");
    assertTrue(local.reserve(1, 400), "exactly 1,000");
    local.unreserve(1, 600);
    assertTrue(local.reserve(1, 100));
    assertFalse(local.reserve(1, 1), "two events held already");
    local.unreserve(2, 500);
    assertTrue(local.reserve(2, 900), "room and bytes given back");
    local.unreserve(2, 900);
    assertFalse(local.reserve(1, 2_000), "a request larger than the budget is stored for any node");
    assertTrue(local.reserve(1, 1_000), "and its refusal held nothing");
    local.unreserve(1, 1_000);
    local.stop();
    assertFalse(local.reserve(1, 1), "a stopping node holds nothing new");
  }

  @Test
  void anIntakeWaitsForRoomFreedWithinTheWait() throws Exception {
    LocalRuns local = new LocalRuns(null, null, Runnable::run, "node", 2, 1000, Duration.ofSeconds(5));
    assertTrue(local.reserve(2, 200));
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> local.reserve(1, 100));
    Thread.sleep(200);
    assertFalse(waiting.isDone(), "no room yet: the intake waits");
    local.unreserve(1, 100); // a handler finished
    assertTrue(waiting.get(2, TimeUnit.SECONDS), "the room freed goes to the waiting intake");
    assertFalse(local.reserve(3, 100), "more events than the capacity do not wait: they could never fit");
  }

  @Test
  void anIntakeStoresForAnyNodeWhenNoRoomIsFreedWithinTheWait() throws Exception {
    LocalRuns local = new LocalRuns(null, null, Runnable::run, "node", 1, 1000, Duration.ofMillis(100));
    assertTrue(local.reserve(1, 100));
    long started = System.nanoTime();
    assertFalse(local.reserve(1, 100), "handlers slower than the wait: stored unclaimed");
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertTrue(waited >= 90 && waited < 2_000, "waited " + waited + " ms, about the 100 ms wait");
    local.unreserve(1, 100);
    assertTrue(local.reserve(1, 100), "the refused intake held nothing");
    assertEquals(0, local.held(), "reserved, not yet run");
  }

  @Test
  void aNodeThatStopsWhileAnIntakeWaitsTakesNothingNew() throws Exception {
    LocalRuns local = new LocalRuns(null, null, Runnable::run, "node", 1, 1000, Duration.ofSeconds(5));
    assertTrue(local.reserve(1, 100));
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> local.reserve(1, 100));
    Thread.sleep(200);
    local.stop();
    local.unreserve(1, 100);
    assertFalse(waiting.get(2, TimeUnit.SECONDS), "room freed after the stop is not taken");
  }
}
