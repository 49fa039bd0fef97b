package ai.hrflow.webhook.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver on the embedded database killed with SIGKILL in the middle of a load, then restarted on
 * the same folder: every acknowledged event is handled, and only those that were running when it died
 * are handled twice (with deduplication, which keeps a sender's retry of a request committed but not
 * answered from being stored twice).
 */
class CrashTest {

  private static final int WORKERS = 4;

  @TempDir Path folder;

  @Test
  void aKilledNodeLosesNoAcknowledgedEvent() throws Exception {
    Path handled = folder.resolve("handled.txt");
    Map<String, String> properties =
        Map.of(
            "inbox.db", "embedded:" + folder.resolve("inbox"),
            "inbox.handled", handled.toString(),
            "inbox.workers", String.valueOf(WORKERS),
            "inbox.handlerMillis", "10",
            // A request committed but not answered when the node died is sent again by its sender:
            // deduplication keeps that from storing it twice.
            "inbox.dedup", "true");
    AtomicIntegerArray ports = new AtomicIntegerArray(1);
    NodeProcess first = NodeProcess.start("first", properties);
    ports.set(0, first.port());

    IllegalStateException locked =
        assertThrows(
            IllegalStateException.class,
            () -> WebhookInbox.builder().embedded(folder.resolve("inbox")).dispatcher(new Recorder().dispatcher()).build());
    assertTrue(locked.getMessage().contains("open in another process"), locked.getMessage());

    CompletableFuture<Senders.Result> load =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Senders.run(8, Duration.ofSeconds(8), ports, false, "crash-");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(3000);
    ports.set(0, 0);
    first.kill(); // mid-load: requests in flight, events running, commits in progress
    NodeProcess second = NodeProcess.start("second", properties);
    ports.set(0, second.port());
    Senders.Result result = load.get();
    try {
      assertTrue(result.acknowledged().size() > 200, "the load ran: " + result.statuses());
      Map<String, Integer> seen = HandledLog.await(List.of(handled), result.acknowledged(), WebhookInbox.DEAD_NODE_AFTER.plusSeconds(45));
      Set<String> lost = new HashSet<>(result.acknowledged());
      lost.removeAll(seen.keySet());
      assertEquals(Set.of(), lost, "acknowledged events never handled");
      Map<String, Integer> twice = HandledLog.twice(seen);
      assertTrue(twice.size() <= WORKERS, "only events running when the node died run twice (at most " + WORKERS + "): " + twice);
    } finally {
      second.close();
    }
  }
}
