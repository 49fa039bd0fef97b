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

  /**
   * Inserts one pending event within the caller's transaction.
   *
   * @param dedupKey the event's fingerprint when deduplicating, else null
   * @return false if an event with the same {@code dedupKey} is stored already (nothing was inserted)
   */
  public boolean insert(Connection connection, String id, String dedupKey, String type, byte[] payload, Instant receivedAt)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(dialect.insertEvent())) {
      insert.setString(1, id);
      insert.setString(2, dedupKey);
      insert.setString(3, type);
      insert.setBytes(4, payload);
      insert.setObject(5, timestamp(receivedAt));
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      if (dedupKey != null && SQL_STATE_DUPLICATE.equals(e.getSQLState())) {
        return false; // H2: this statement alone failed; the transaction goes on
      }
      throw e;
    }
  }

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
   * Turns up to {@code limit} dead events back into pending ones with no attempts, within the
   * caller's transaction, and returns their ids (the caller schedules them in the same transaction).
   * Rows another replay is taking are skipped on PostgreSQL.
   */
  public List<String> revive(Connection connection, int limit) throws SQLException {
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
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE " + TABLE + " SET status = 'PENDING', attempts = 0 WHERE id = ? AND status = 'DEAD'")) {
      for (String id : ids) {
        update.setString(1, id);
        update.addBatch();
      }
      if (!ids.isEmpty()) {
        update.executeBatch();
      }
    }
    return ids;
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
