package ai.hrflow.webhook.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.hrflow.webhook.inbox.internal.Dialect;
import ai.hrflow.webhook.inbox.internal.EventStore;
import ai.hrflow.webhook.inbox.internal.EventTask;
import ai.hrflow.webhook.inbox.internal.Schema;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * The intake writes db-scheduler's execution rows itself (in the same statement as the events): every
 * column must be what db-scheduler's own client writes, or an upgrade of db-scheduler that changes
 * its rows must fail here before it strands events.
 */
class ExecutionRowTest {

  @Test
  void onH2() throws Exception {
    JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:mem:rows;DB_CLOSE_DELAY=-1", "sa", "");
    try {
      compare(h2, Dialect.H2);
    } finally {
      h2.dispose();
    }
  }

  @Test
  void onPostgreSql() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    try (HikariDataSource pool = postgres.pool(postgres.newDatabase(), 4)) {
      compare(pool, Dialect.POSTGRESQL);
    }
  }

  private static void compare(DataSource database, Dialect dialect) throws Exception {
    Schema.create(database, dialect);
    Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    byte[] payload = "{\"type\":\"profile.parsing.success\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    CustomTask<byte[]> task = Tasks.custom(EventTask.NAME, byte[].class).execute((instance, context) -> null);
    SchedulerClient.Builder.create(database, task)
        .tableName(EventTask.TABLE)
        .serializer(EventTask.PAYLOAD)
        .build()
        .scheduleIfNotExists(new TaskInstance<>(EventTask.NAME, "by-db-scheduler", payload), due);
    new EventStore(database, dialect).intake(List.of(new EventStore.Pending("by-intake", null, "profile.parsing.success", payload)), due);

    Map<String, Object> scheduled = row(database, "by-db-scheduler");
    Map<String, Object> ours = row(database, "by-intake");
    scheduled.remove("task_instance");
    ours.remove("task_instance");
    assertEquals(scheduled, ours, "our execution row, column by column, against db-scheduler's");

    // An execution the intake stores claimed by its node: as db-scheduler's claim leaves one (picked,
    // by the node, its heartbeat the claim's time), the rest as scheduled.
    new EventStore(database, dialect).intake(List.of(new EventStore.Pending("claimed-by-intake", null, "profile.parsing.success", payload, "node-1")), due);
    Map<String, Object> claimed = row(database, "claimed-by-intake");
    claimed.remove("task_instance");
    Map<String, Object> expected = new LinkedHashMap<>(scheduled);
    expected.put("picked", Boolean.TRUE.toString());
    expected.put("picked_by", "node-1");
    expected.put("last_heartbeat", scheduled.get("execution_time"));
    assertEquals(expected, claimed, "a claimed execution row, column by column");
  }

  private static Map<String, Object> row(DataSource database, String instance) throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT * FROM " + EventTask.TABLE + " WHERE task_instance = ?")) {
      select.setString(1, instance);
      try (ResultSet result = select.executeQuery()) {
        result.next();
        ResultSetMetaData columns = result.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= columns.getColumnCount(); c++) {
          Object value = result.getObject(c);
          row.put(columns.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT), value instanceof byte[] bytes ? new String(bytes) : value == null ? null : value.toString());
        }
        return row;
      }
    }
  }
}
