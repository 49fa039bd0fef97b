package ai.hrflow.webhook.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void idsAreVersionSevenUuidsThatSortByTimeAndCarryIt() {
    long millis = Instant.parse("2026-11-30T05:00:00.123Z").toEpochMilli();
    String id = EventIds.next(millis);
    UUID uuid = UUID.fromString(id);
    assertEquals(7, uuid.version());
    assertEquals(2, uuid.variant());
    assertEquals(Instant.ofEpochMilli(millis), EventIds.timestamp(id));
    assertTrue(id.compareTo(EventIds.next(millis + 1)) < 0, "a later millisecond sorts later as text");
    assertTrue(EventIds.next(millis - 1).compareTo(id) < 0);
  }

  @Test
  void idsOfOneProcessAreNeverEqualEvenWithinOneMillisecond() throws Exception {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 50_000; i++) {
                  ids.add(EventIds.next(1_000));
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(200_000, ids.size());
  }

  @Test
  void otherIdsHaveNoTimestamp() {
    assertNull(EventIds.timestamp(UUID.randomUUID().toString()), "version 4");
    assertNull(EventIds.timestamp("not-an-id"));
    assertNull(EventIds.timestamp(null));
  }
}
