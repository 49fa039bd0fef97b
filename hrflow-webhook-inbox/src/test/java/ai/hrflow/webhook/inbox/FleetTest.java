package ai.hrflow.webhook.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three receiver JVMs share one PostgreSQL database; fifty concurrent senders spread distinct signed
 * events over them and send every tenth again to another node; one node is killed with SIGKILL in the
 * middle and restarted. At the end every acknowledged event was handled, none is pending, only events
 * that were running on the killed node ran twice (at most its workers), and every redelivery was
 * stored once.
 */
class FleetTest {

  private static final int NODES = 3;
  private static final int WORKERS = 4;

  @TempDir Path folder;

  @Test
  void threeNodesSurviveOneKilledMidRunAndStoreRedeliveriesOnce() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    String database = postgres.newDatabase();
    List<Path> logs = new ArrayList<>();
    List<NodeProcess> nodes = new ArrayList<>();
    AtomicIntegerArray ports = new AtomicIntegerArray(NODES);
    try (HikariDataSource pool = postgres.pool(database, 4)) {
      for (int n = 0; n < NODES; n++) {
        nodes.add(start("node-" + n, postgres.url(database), logs));
        ports.set(n, nodes.get(n).port());
      }
      CompletableFuture<Senders.Result> load =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return Senders.run(50, Duration.ofSeconds(20), ports, true, "fleet-");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Thread.sleep(7000);
      ports.set(1, 0);
      nodes.get(1).kill();
      Thread.sleep(2000);
      nodes.set(1, start("node-1-restarted", postgres.url(database), logs));
      ports.set(1, nodes.get(1).port());
      Senders.Result result = load.get(5, TimeUnit.MINUTES);

      assertTrue(result.acknowledged().size() > 500, "the load ran: " + result.statuses());
      assertTrue(result.redelivered().size() > 50, "events were sent again to other nodes: " + result.redelivered().size());
      Map<String, Integer> handled = HandledLog.await(logs, result.acknowledged(), WebhookInbox.DEAD_NODE_AFTER.plusSeconds(45));
      Set<String> lost = new HashSet<>(result.acknowledged());
      lost.removeAll(handled.keySet());
      assertEquals(Set.of(), lost, "acknowledged events never handled");

      Map<String, List<String>> byNode = HandledLog.nodes(logs);
      Map<String, List<String>> twice = new HashMap<>();
      byNode.forEach(
          (key, handledBy) -> {
            if (handledBy.size() > 1) {
              twice.put(key, handledBy);
            }
          });
      assertTrue(twice.size() <= WORKERS, "at most the killed node's " + WORKERS + " running events run twice: " + twice);
      // The logs are read file by file, not in time order: what matters is that the killed node ran it.
      twice.forEach((key, handledBy) -> assertTrue(handledBy.contains("node-1"), key + " ran twice without the killed node: " + handledBy));

      InboxAdmin admin = InboxAdmin.of(pool);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (admin.stats().pending() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertEquals(0, admin.stats().pending(), "nothing pending at the end");
      assertEquals(0, admin.stats().dead());
      assertEquals(handled.size(), count(pool, "SELECT COUNT(*) FROM hrflow_inbox_event"), "each event, redelivered or not, stored once");
      System.out.printf(
          "fleet: %d events acknowledged (%d sent again to another node), %d connection errors, answers %s; %d ran twice: %s%n",
          result.acknowledged().size(), result.redelivered().size(), result.connectionErrors().get(), result.statuses(), twice.size(), twice.keySet());
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  private NodeProcess start(String name, String url, List<Path> logs) throws Exception {
    Path log = folder.resolve(name + ".log");
    logs.add(log);
    return NodeProcess.start(
        name,
        Map.of(
            "inbox.db", url,
            "inbox.handled", log.toString(),
            "inbox.workers", String.valueOf(WORKERS),
            "inbox.handlerMillis", "5",
            "inbox.dedup", "true",
            "inbox.pool", "30"));
  }

  private static long count(HikariDataSource pool, String sql) throws Exception {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
