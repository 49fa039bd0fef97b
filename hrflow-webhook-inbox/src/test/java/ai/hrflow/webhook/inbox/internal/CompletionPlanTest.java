package ai.hrflow.webhook.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.hrflow.webhook.inbox.PostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A queue table between two vacuums has few live rows and many dead ones, and PostgreSQL's planner
 * counts the live ones only: a completion must look each execution up by its whole primary key, in
 * the plan PostgreSQL keeps for a prepared statement, or it scans the whole task, dead rows included,
 * for every batch (what a list of ids joined to the table did).
 */
class CompletionPlanTest {

  @Test
  void eachCompletionLooksItsExecutionUpByItsWholeKeyInTheGenericPlan() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    try (HikariDataSource pool = postgres.pool(postgres.newDatabase(), 2)) {
      Schema.create(pool, Dialect.POSTGRESQL);
      EventStore store = new EventStore(pool, Dialect.POSTGRESQL);
      byte[] payload = "{\"type\":\"profile.parsing.success\"}".getBytes(StandardCharsets.UTF_8);
      List<EventStore.Pending> events = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        events.add(new EventStore.Pending("e" + i, null, "profile.parsing.success", payload, "node-1"));
      }
      store.intake(events, Instant.now());
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("ANALYZE " + EventTask.TABLE); // 5,000 live rows counted
        statement.executeUpdate("DELETE FROM " + EventTask.TABLE + " WHERE task_instance <> 'e1'"); // then dead, not yet vacuumed
        statement.execute("ANALYZE " + EventTask.TABLE); // the live rows counted: one
        statement.execute("SET plan_cache_mode = force_generic_plan");
        statement.execute("PREPARE w AS " + numbered(EventStore.postgreSqlWrite(3, true, false)));
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows =
            statement.executeQuery(
                "EXPLAIN EXECUTE w('e1', 1, 'e2', 1, 'e3', 1, '{e1,e2,e3}', '{1,1,1}', now(), now(),"
                    + " '{n1}', '{NULL}', '{profile.parsing.success}', '{\"\\\\x7b7d\"}', '{node-1}', now(), now())")) {
          while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
          }
        }
        statement.execute("DEALLOCATE w");
        statement.execute("RESET plan_cache_mode");
        Matcher lookups = Pattern.compile("Index Cond: \\(\\(task_name = 'hrflow-inbox-event'::text\\) AND \\(task_instance = \\$\\d+\\)\\)").matcher(plan);
        int count = 0;
        while (lookups.find()) {
          count++;
        }
        assertEquals(3, count, "one lookup by the whole key per completion:\n" + plan);
        assertFalse(plan.toString().contains("Seq Scan on " + EventTask.TABLE), plan.toString());
      }
    }
  }

  /** JDBC's {@code ?} placeholders as PostgreSQL's {@code $n}, for PREPARE. */
  private static String numbered(String sql) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (char c : sql.toCharArray()) {
      out.append(c == '?' ? "$" + ++n : String.valueOf(c));
    }
    return out.toString();
  }
}
