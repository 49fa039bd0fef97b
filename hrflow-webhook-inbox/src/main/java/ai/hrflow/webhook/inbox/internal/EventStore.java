package ai.hrflow.webhook.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The event table, {@value #TABLE}: every statement the inbox runs on it. An event is {@code PENDING}
 * from its intake until its handler returns ({@code DONE}: the payload is dropped, the row stays for
 * deduplication until the retention period ends) or it runs out of attempts ({@code DEAD}: kept with
 * its payload, its last error and its attempt count, until replayed).
 */
public final class EventStore {

  /** The event table's name. */
  public static final String TABLE = "hrflow_inbox_event";

  /** The longest last error kept, in characters. */
  static final int MAX_ERROR_CHARS = 2000;

  private static final String SQL_STATE_DUPLICATE = "23505";

  private final DataSource dataSource;
  private final Dialect dialect;

  /** The events of {@code dataSource}'s database, of {@code dialect}. */
  public EventStore(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** One stored event, as its execution reads it. */
  public record Row(String id, String type, byte[] payload, String status, int attempts) {}

  /** Counts for {@code stats()}: pending events, those of them that failed at least once, dead ones, the oldest pending. */
  public record Counts(long pending, long retrying, long dead, Instant oldestPending) {}

  /** A dead event, for listings. */
  public record Dead(String id, String type, int attempts, String lastError, Instant receivedAt, Instant lastAttemptAt) {}

  /** One event to store: its id (also its execution's), its deduplication key or null, its type and JSON. */
  public record Pending(String id, String dedupKey, String type, byte[] payload) {}

  /** The most events one intake statement carries on PostgreSQL (five parameters each, under its 65,535). */
  static final int EVENTS_PER_STATEMENT = 1000;

  /**
   * Stores a request's events and their executions (due at {@code now}), all or none, and commits.
   *
   * <p>On PostgreSQL a request of up to {@value #EVENTS_PER_STATEMENT} events is one statement: the
   * events are inserted, duplicates skipped ({@code ON CONFLICT DO NOTHING}), and an execution is
   * inserted for each event that was, in one data-modifying {@code WITH}, atomic by itself, in one
   * round trip, as cheap as a plain insert. Larger requests run such statements in one transaction.
   * H2 has no data-modifying {@code WITH}: one transaction of plain inserts.
   *
   * <p>The executions are db-scheduler's rows, written as its own client writes them (version 16: name,
   * instance, no data, due time, not picked, version 1); {@code EventStoreTest} compares the two.
   *
   * @return how many events were stored; the others were duplicates of stored ones
   */
  public int intake(List<Pending> events, Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (dialect == Dialect.POSTGRESQL && events.size() <= EVENTS_PER_STATEMENT && connection.getAutoCommit()) {
        return intakePostgreSql(connection, events, now);
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        int stored = 0;
        if (dialect == Dialect.POSTGRESQL) {
          for (int from = 0; from < events.size(); from += EVENTS_PER_STATEMENT) {
            stored += intakePostgreSql(connection, events.subList(from, Math.min(events.size(), from + EVENTS_PER_STATEMENT)), now);
          }
        } else {
          stored = intakeH2(connection, events, now);
        }
        connection.commit();
        return stored;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static int intakePostgreSql(Connection connection, List<Pending> events, Instant now) throws SQLException {
    StringBuilder sql = new StringBuilder("WITH stored AS (INSERT INTO " + TABLE + " (id, dedup_key, event_type, payload, status, attempts, received_at) VALUES ");
    for (int i = 0; i < events.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, 'PENDING', 0, ?)");
    }
    sql.append(" ON CONFLICT (dedup_key) DO NOTHING RETURNING id, received_at) ")
        .append(EXECUTION_INSERT)
        .append(" SELECT '")
        .append(EventTask.NAME)
        .append("', id, NULL, received_at, FALSE, 1 FROM stored");
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int parameter = 1;
      for (Pending event : events) {
        insert.setString(parameter++, event.id());
        insert.setString(parameter++, event.dedupKey());
        insert.setString(parameter++, event.type());
        insert.setBytes(parameter++, event.payload());
        insert.setObject(parameter++, timestamp(now));
      }
      return insert.executeUpdate();
    }
  }

  private int intakeH2(Connection connection, List<Pending> events, Instant now) throws SQLException {
    int stored = 0;
    try (PreparedStatement event = connection.prepareStatement(dialect.insertEvent());
        PreparedStatement execution = connection.prepareStatement(EXECUTION_INSERT + " VALUES ('" + EventTask.NAME + "', ?, NULL, ?, FALSE, 1)")) {
      for (Pending pending : events) {
        event.setString(1, pending.id());
        event.setString(2, pending.dedupKey());
        event.setString(3, pending.type());
        event.setBytes(4, pending.payload());
        event.setObject(5, timestamp(now));
        try {
          event.executeUpdate();
        } catch (SQLException e) {
          if (pending.dedupKey() != null && SQL_STATE_DUPLICATE.equals(e.getSQLState())) {
            continue; // H2: this statement alone failed; the transaction goes on
          }
          throw e;
        }
        execution.setString(1, pending.id());
        execution.setObject(2, timestamp(now));
        execution.executeUpdate();
        stored++;
      }
    }
    return stored;
  }

  /** The columns db-scheduler's client fills when it schedules an execution (version 16, no priority). */
  private static final String EXECUTION_INSERT =
      "INSERT INTO " + EventTask.TABLE + " (task_name, task_instance, task_data, execution_time, picked, version)";

  /** {@return the event {@code id}, or null if there is none} */
  public Row load(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT event_type, payload, status, attempts FROM " + TABLE + " WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? new Row(id, row.getString(1), row.getBytes(2), row.getString(3), row.getInt(4)) : null;
      }
    }
  }

  /** Marks a pending event handled: one more attempt, no payload any more. */
  public void markDone(String id, Instant now) throws SQLException {
    update(
        "UPDATE " + TABLE + " SET status = 'DONE', attempts = attempts + 1, payload = NULL, last_attempt_at = ?, done_at = ?"
            + " WHERE id = ? AND status = 'PENDING'",
        statement -> {
          statement.setObject(1, timestamp(now));
          statement.setObject(2, timestamp(now));
          statement.setString(3, id);
        });
  }

  /**
   * Records a failed attempt of a pending event, and marks it dead if it has no attempts left.
   *
   * @return the attempts made so far, this one included; 0 if the event is not pending any more
   */
  public int recordFailure(String id, String error, Instant now, int maxAttempts) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        int attempts;
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE " + TABLE + " SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?,"
                    + " status = CASE WHEN attempts + 1 >= ? THEN 'DEAD' ELSE status END"
                    + " WHERE id = ? AND status = 'PENDING'")) {
          update.setString(1, cut(error));
          update.setObject(2, timestamp(now));
          update.setInt(3, maxAttempts);
          update.setString(4, id);
          if (update.executeUpdate() == 0) {
            connection.commit();
            return 0;
          }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT attempts FROM " + TABLE + " WHERE id = ?")) {
          select.setString(1, id);
          try (ResultSet row = select.executeQuery()) {
            row.next();
            attempts = row.getInt(1);
          }
        }
        connection.commit();
        return attempts;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /** {@return the counts behind {@code stats()}, from the status index} */
  public Counts counts() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT status, COUNT(*), MIN(received_at), SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END) FROM " + TABLE
                    + " WHERE status IN ('PENDING', 'DEAD') GROUP BY status");
        ResultSet rows = select.executeQuery()) {
      long pending = 0;
      long retrying = 0;
      long dead = 0;
      Instant oldest = null;
      while (rows.next()) {
        if (rows.getString(1).equals("PENDING")) {
          pending = rows.getLong(2);
          OffsetDateTime first = rows.getObject(3, OffsetDateTime.class);
          oldest = first == null ? null : first.toInstant();
          retrying = rows.getLong(4);
        } else {
          dead = rows.getLong(2);
        }
      }
      return new Counts(pending, retrying, dead, oldest);
    }
  }

  /** {@return the first {@code limit} dead events, the oldest first} */
  public List<Dead> dead(int limit) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, event_type, attempts, last_error, received_at, last_attempt_at FROM " + TABLE
                    + " WHERE status = 'DEAD' ORDER BY received_at, id LIMIT ?")) {
      select.setInt(1, limit);
      List<Dead> dead = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          OffsetDateTime last = rows.getObject(6, OffsetDateTime.class);
          dead.add(
              new Dead(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getInt(3),
                  rows.getString(4),
                  rows.getObject(5, OffsetDateTime.class).toInstant(),
                  last == null ? null : last.toInstant()));
        }
      }
      return dead;
    }
  }

  /**
   * Turns up to {@code limit} dead events back into pending ones with no attempts, each with an
   * execution due at {@code now} (unless one lingers from a node that died), in one transaction.
   * Rows another replay is taking are skipped on PostgreSQL.
   *
   * @return how many were revived
   */
  public int revive(int limit, Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        List<String> ids = new ArrayList<>();
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
        try (PreparedStatement select =
            connection.prepareStatement("SELECT id FROM " + TABLE + " WHERE status = 'DEAD' ORDER BY received_at, id LIMIT ?" + lock)) {
          select.setInt(1, limit);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              ids.add(rows.getString(1));
            }
          }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE + " SET status = 'PENDING', attempts = 0 WHERE id = ? AND status = 'DEAD'");
            PreparedStatement execution =
                connection.prepareStatement(
                    EXECUTION_INSERT + " SELECT '" + EventTask.NAME + "', ?, NULL, ?, FALSE, 1 WHERE NOT EXISTS (SELECT 1 FROM " + EventTask.TABLE
                        + " WHERE task_name = '" + EventTask.NAME + "' AND task_instance = ?)")) {
          for (String id : ids) {
            update.setString(1, id);
            update.executeUpdate();
            execution.setString(1, id);
            execution.setObject(2, timestamp(now));
            execution.setString(3, id);
            execution.executeUpdate();
          }
        }
        connection.commit();
        return ids.size();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /**
   * Deletes up to {@code limit} handled events received before {@code before}: the end of their
   * retention, and of their deduplication.
   *
   * @return how many were deleted
   */
  public int deleteHandled(Instant before, int limit) throws SQLException {
    String sql =
        dialect == Dialect.POSTGRESQL
            ? "DELETE FROM " + TABLE + " WHERE id IN (SELECT id FROM " + TABLE + " WHERE status = 'DONE' AND received_at < ? LIMIT ?)"
            : "DELETE FROM " + TABLE + " WHERE status = 'DONE' AND received_at < ? LIMIT ?";
    int[] deleted = new int[1];
    update(
        sql,
        statement -> {
          statement.setObject(1, timestamp(before));
          statement.setInt(2, limit);
        },
        deleted);
    return deleted[0];
  }

  /** Checks that the database answers: a trivial query on the event table. */
  public void ping() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE 1 = 0")) {
      select.executeQuery().close();
    }
  }

  private interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  private void update(String sql, Parameters parameters) throws SQLException {
    update(sql, parameters, null);
  }

  private void update(String sql, Parameters parameters, int[] count) throws SQLException {
    try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      parameters.set(statement);
      int updated = statement.executeUpdate();
      if (count != null) {
        count[0] = updated;
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String cut(String error) {
    return error == null || error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS - 1) + "…";
  }
}
