package ai.hrflow.webhook.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a node holds in memory of the events it runs itself is bounded in events and in bytes of JSON. */
class LocalRunsRoomTest {

  @Test
  void roomIsBoundedInEventsAndInBytes() {
    LocalRuns local = new LocalRuns(null, null, Runnable::run, "node", 2, 1000);
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
}
