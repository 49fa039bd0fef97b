package ai.hrflow.webhook.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.hrflow.webhook.inbox.PostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A node that starts while the others write (a restart in a running fleet) must not take locks that
 * stop their writes: creating the schema when it exists takes none.
 */
class SchemaTest {

  @Test
  void everyStatementOfTheScriptsCreatesANamedTableOrIndex() {
    for (Dialect dialect : Dialect.values()) {
      List<String> script = Schema.statements(dialect);
      assertEquals(
          List.of("hrflow_inbox_event", "hrflow_inbox_event_status", "hrflow_inbox_task", "hrflow_inbox_task_execution_time", "hrflow_inbox_task_last_heartbeat"),
          Schema.createdNames(script),
          dialect.toString());
    }
  }

  @Test
  void aNodeStartingWhileAnotherWritesDoesNotWaitForItsTransaction() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    try (HikariDataSource pool = postgres.pool(postgres.newDatabase(), 4)) {
      Schema.create(pool, Dialect.POSTGRESQL); // the first node
      ExecutorService starting = Executors.newSingleThreadExecutor();
      try (Connection writer = pool.getConnection(); Statement statement = writer.createStatement()) {
        writer.setAutoCommit(false); // a write in progress on both tables, as the nodes' writes are
        statement.executeUpdate("DELETE FROM " + EventTask.TABLE + " WHERE task_instance = 'none'");
        statement.executeUpdate("DELETE FROM " + EventStore.TABLE + " WHERE id = 'none'");
        Future<?> second =
            starting.submit(
                () -> {
                  Schema.create(pool, Dialect.POSTGRESQL);
                  return null;
                });
        second.get(10, TimeUnit.SECONDS); // CREATE INDEX IF NOT EXISTS would wait for the writer's commit
        writer.rollback();
      } finally {
        starting.shutdownNow();
      }
    }
  }
}
