package ai.hrflow.webhook.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.inbox.internal.Availability;
import ai.hrflow.webhook.inbox.internal.Commits;
import ai.hrflow.webhook.inbox.internal.Dialect;
import ai.hrflow.webhook.inbox.internal.EventStore;
import ai.hrflow.webhook.inbox.internal.EventTask;
import ai.hrflow.webhook.inbox.internal.Schema;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * Intakes and completions share transactions: one commit for the requests and the workers waiting
 * at one moment, all or none.
 */
class CommitsTest {

  private static final byte[] PAYLOAD = "{\"type\":\"profile.parsing.success\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void onH2() throws Exception {
    JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:mem:commits;DB_CLOSE_DELAY=-1", "sa", "");
    try {
      check(h2, Dialect.H2);
    } finally {
      h2.dispose();
    }
  }

  @Test
  void onPostgreSql() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    try (HikariDataSource pool = postgres.pool(postgres.newDatabase(), 40)) {
      check(pool, Dialect.POSTGRESQL);
    }
  }

  @Test
  void aCompletionThatCannotReachTheDatabaseTurnsTheNextRequestsAwayAtOnce() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
    config.setConnectionTimeout(250);
    config.setInitializationFailTimeout(-1);
    try (HikariDataSource nowhere = new HikariDataSource(config)) {
      Availability availability = new Availability(System::nanoTime);
      Commits commits = new Commits(new EventStore(nowhere, Dialect.POSTGRESQL), Clock.systemUTC(), availability);
      assertTrue(availability.mayTry(() -> {}), "presumed up");
      assertThrows(SQLException.class, () -> commits.complete(new EventStore.Done("a", EventStore.CLAIMED_VERSION, 1)));
      assertFalse(availability.mayTry(() -> {}), "a request right after is answered 503 without waiting for a connection");
      commits.close();
    }
  }

  @Test
  void theHeartbeatSkipsExecutionsThatACompletionHoldsOnPostgreSql() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    try (HikariDataSource pool = postgres.pool(postgres.newDatabase(), 4)) {
      Schema.create(pool, Dialect.POSTGRESQL);
      EventStore store = new EventStore(pool, Dialect.POSTGRESQL);
      Instant stored = Instant.parse("2026-01-01T00:00:00Z");
      store.intake(List.of(claimed("held"), claimed("completing")), stored);
      try (Connection completion = pool.getConnection(); Statement statement = completion.createStatement()) {
        completion.setAutoCommit(false);
        statement.executeUpdate("DELETE FROM " + EventTask.TABLE + " WHERE task_instance = 'completing'"); // its row lock, not committed
        try {
          CompletableFuture<Void> beat =
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      store.heartbeat(List.of("held", "completing"), "node-1", stored.plusSeconds(5));
                    } catch (SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  });
          beat.get(5, TimeUnit.SECONDS); // a heartbeat that waited for the lock would time out here
          assertEquals(stored.plusSeconds(5), heartbeat(pool, "held"));
        } finally {
          completion.rollback();
        }
      }
      assertEquals(stored, heartbeat(pool, "completing"), "skipped while locked; the next heartbeat sets it");
    }
  }

  private static Instant heartbeat(DataSource database, String id) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT last_heartbeat FROM " + EventTask.TABLE + " WHERE task_instance = '" + id + "'")) {
      row.next();
      return row.getObject(1, java.time.OffsetDateTime.class).toInstant();
    }
  }

  private static void check(DataSource database, Dialect dialect) throws Exception {
    Schema.create(database, dialect);
    EventStore store = new EventStore(database, dialect);
    Instant now = Instant.now();
    store.intake(List.of(claimed("a"), claimed("b")), now);

    EventStore.Written written = store.write(List.of(claimed("c")), List.of(new EventStore.Done("a", EventStore.CLAIMED_VERSION, 1), new EventStore.Done("b", 7, 1)), now);
    assertEquals(Set.of("c"), written.stored());
    assertEquals(List.of(true, false), written.completed(), "a completed; b was not at version 7 (revived elsewhere): kept");
    assertEquals(List.of("b", "c"), executions(database));

    // All or none: an intake that fails takes the completions of its transaction with it.
    assertThrows(SQLException.class, () -> store.write(List.of(claimed("c")), List.of(new EventStore.Done("b", EventStore.CLAIMED_VERSION, 1)), now));
    assertEquals(List.of("b", "c"), executions(database), "b's completion rolled back with the failed intake");

    // Through the group commit, from many threads at once: every intake stored, every completion done.
    Commits commits = new Commits(store, Clock.systemUTC(), new Availability(System::nanoTime));
    ExecutorService threads = Executors.newFixedThreadPool(32);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String id = "e" + i;
        done.add(
            threads.submit(
                () -> {
                  start.await();
                  assertTrue(commits.intake(List.of(claimed(id))).contains(id));
                  assertTrue(commits.complete(new EventStore.Done(id, EventStore.CLAIMED_VERSION, 1)), id + " completed");
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(List.of("b", "c"), executions(database), "each of the 200 stored, then deleted");
    // an intake that fails leaves the queue to the others
    assertThrows(SQLException.class, () -> commits.intake(List.of(claimed("b"))));
    assertTrue(commits.complete(new EventStore.Done("b", EventStore.CLAIMED_VERSION, 1)));
    assertEquals(List.of("c"), executions(database));

    // With deduplication keys, in the same write as a completion: a second event with a key is not stored.
    EventStore.Written deduplicated =
        store.write(List.of(keyed("d1", "key-1"), keyed("d2", "key-1"), keyed("d3", "key-3")), List.of(new EventStore.Done("c", EventStore.CLAIMED_VERSION, 1)), now);
    assertEquals(Set.of("d1", "d3"), deduplicated.stored());
    assertEquals(List.of(true), deduplicated.completed());
    assertEquals(List.of("d1", "d3"), executions(database));
    assertEquals(Set.of(), store.intake(List.of(keyed("d4", "key-3")), now), "key-3 was stored before");
  }

  private static EventStore.Pending keyed(String id, String key) {
    return new EventStore.Pending(id, key, "profile.parsing.success", PAYLOAD, "node-1");
  }

  private static EventStore.Pending claimed(String id) {
    return new EventStore.Pending(id, null, "profile.parsing.success", PAYLOAD, "node-1");
  }

  private static List<String> executions(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT task_instance FROM " + EventTask.TABLE + " WHERE task_name = '" + EventTask.NAME + "' ORDER BY task_instance")) {
      List<String> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return ids;
    }
  }
}
