package ai.hrflow.webhook.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.h2.jdbcx.JdbcConnectionPool;
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
      if (!lost.isEmpty()) {
        second.close(); // the database is the node's until it stops
        assertEquals(Set.of(), lost, "acknowledged events never handled; what the database holds of them: " + rowsOf(lost));
      }
      Map<String, Integer> twice = HandledLog.twice(seen);
      assertTrue(twice.size() <= WORKERS, "only events running when the node died run twice (at most " + WORKERS + "): " + twice);
    } finally {
      second.close();
    }
  }

  /** For a failure's message: the event rows (and whether each has an execution) whose payload names one of {@code keys}. */
  private String rowsOf(Set<String> keys) {
    JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:" + folder.resolve("inbox").toAbsolutePath().resolve("inbox") + ";ACCESS_MODE_DATA=r", "hrflow", "");
    List<String> rows = new ArrayList<>();
    try (Connection connection = h2.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, status, attempts, (SELECT COUNT(*) FROM hrflow_inbox_task WHERE task_instance = id) FROM hrflow_inbox_event"
                    + " WHERE UTF8TOSTRING(payload) LIKE ?")) {
      for (String key : keys) {
        select.setString(1, "%\"" + key + "\"%");
        try (ResultSet row = select.executeQuery()) {
          boolean any = false;
          while (row.next()) {
            any = true;
            rows.add(key + ": event " + row.getString(1) + " " + row.getString(2) + ", attempts " + row.getInt(3) + ", executions " + row.getInt(4));
          }
          if (!any) {
            rows.add(key + ": no pending or dead event row holds it");
          }
        }
      }
    } catch (SQLException e) {
      rows.add("(the database could not be read: " + e + ")");
    } finally {
      h2.dispose();
    }
    return rows.toString();
  }
}
