package ai.hrflow.webhook.inbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Every statement the inbox runs on its two tables. A pending event is an execution in {@value
 * EventTask#TABLE}, carrying its payload (db-scheduler hands the payload to the worker with the
 * execution it claims, so running an event reads nothing more); its id is a time-ordered UUID
 * ({@link EventIds}), so the oldest pending event is the smallest id. A row of {@value #TABLE} keeps
 * what the execution does not:
 *
 * <ul>
 *   <li>with deduplication, every event's key, from its intake until the retention period ends after
 *       it was handled ({@code PENDING}, then {@code DONE} without payload);
 *   <li>on H2, every event from its intake, with its payload until it is handled: see {@link
 *       #requeueOrphans};
 *   <li>the last error of an event whose handler failed ({@code PENDING}, written with the failure);
 *   <li>a dead event ({@code DEAD}: its payload, attempts and last error, until replayed).
 * </ul>
 *
 * <p>On PostgreSQL without deduplication an event therefore costs the database one row at intake
 * and none more unless its handler fails: the intake inserts the execution alone, and completion
 * deletes it.
 */
public final class EventStore {

  /** The event table's name. */
  public static final String TABLE = "hrflow_inbox_event";

  /** The most ids one heartbeat or release statement carries. */
  static final int IDS_PER_STATEMENT = 500;

  /** The longest last error kept, in characters. */
  static final int MAX_ERROR_CHARS = 2000;

  private static final String SQL_STATE_DUPLICATE = "23505";

  /**
   * The version of an execution the intake inserted claimed by its node (db-scheduler's own claims
   * count up from the version they find; only equality matters).
   */
  public static final long CLAIMED_VERSION = 1;

  /** The columns db-scheduler's client fills when it schedules an execution (version 16, no priority). */
  private static final String EXECUTION_INSERT =
      "INSERT INTO " + EventTask.TABLE + " (task_name, task_instance, task_data, execution_time, picked, version)";

  /**
   * The same, and the columns db-scheduler's claim sets: an execution claimed by the node that stored
   * it ({@code picked}, {@code picked_by}, {@code last_heartbeat}), or not ({@code FALSE, NULL, NULL}).
   */
  private static final String CLAIMABLE_EXECUTION_INSERT =
      "INSERT INTO " + EventTask.TABLE + " (task_name, task_instance, task_data, execution_time, picked, picked_by, last_heartbeat, version)";

  /** Where an execution is this task's and has the given instance id: two parameters, id and version follow. */
  private static final String THIS_EXECUTION = " WHERE task_name = '" + EventTask.NAME + "' AND task_instance = ? AND version = ?";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;
  private final Dialect dialect;

  /** {@return the database's dialect} */
  public Dialect dialect() {
    return dialect;
  }

  /** The events of {@code dataSource}'s database, of {@code dialect}. */
  public EventStore(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * One event to store: its id (also its execution's), its deduplication key or null, its type and
   * JSON, and the node that runs it straight from the intake ({@code claimedBy}, its execution then
   * stored claimed, as db-scheduler's claim leaves it), or null to leave it to whichever node claims it.
   */
  public record Pending(String id, String dedupKey, String type, byte[] payload, String claimedBy) {
    /** An event left to whichever node claims it. */
    public Pending(String id, String dedupKey, String type, byte[] payload) {
      this(id, dedupKey, type, payload, null);
    }
  }

  /** An event whose handler returned: its execution (as claimed, {@code version} included) and its attempt. */
  public record Done(String id, long version, int attempt) {}

  /** Counts for {@code stats()}: pending events, those of them that failed at least once, dead ones, the oldest pending. */
  public record Counts(long pending, long retrying, long dead, Instant oldestPending) {}

  /** A pending or dead event, for listings. */
  public record Listed(String id, String type, int attempts, String lastError, Instant receivedAt, Instant lastAttemptAt) {}

  /**
   * Stores events and their executions (due at {@code now}), all or none, and commits.
   *
   * <p>On PostgreSQL, one statement ({@link #write}): the events are inserted, duplicates skipped
   * ({@code ON CONFLICT DO NOTHING}), and an execution is inserted for each event that was, in one
   * data-modifying {@code WITH}, atomic by itself, in one round trip. H2 has no data-modifying {@code
   * WITH}: one transaction of plain inserts.
   *
   * <p>The executions are db-scheduler's rows, written as its own client writes them (version 16: name,
   * instance, data, due time, not picked, version 1); {@code ExecutionRowTest} compares the two.
   *
   * @return the ids of the events stored; the others were duplicates of stored ones
   */
  public Set<String> intake(List<Pending> events, Instant now) throws SQLException {
    return write(events, List.of(), now).stored();
  }

  /** What {@link #write} did: the ids of the events stored, and for each completion whether it was still this node's. */
  public record Written(Set<String> stored, List<Boolean> completed) {}

  /**
   * Stores {@code events} ({@link #intake}) and completes {@code done} ({@link #complete}) in one
   * transaction: one commit, one flush of the database's log, for both. Two commits, one for the
   * intake and one for the completions, would each wait for a flush of their own, and a database
   * flushes its log one flush at a time.
   *
   * <p>On PostgreSQL this is one statement, one round trip: a data-modifying {@code WITH}, atomic by
   * itself. Each completion deletes its execution by the whole primary key, one row per {@code
   * DELETE}: a queue table has few live rows and, between two vacuums, many dead ones, and a
   * statement that joins a list of ids to it lets the planner, which counts the live rows only, scan
   * every row of the task (dead ones included) once instead of looking each id up (measured: the
   * database's CPU climbing to a core and the intake falling fivefold within a round). A lookup of
   * one row by its whole key has no such alternative. The events travel as arrays ({@code unnest}), so
   * that the statement's text varies with the number of completions only, and the driver prepares
   * each text once per connection.
   */
  public Written write(List<Pending> events, List<Done> done, Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (dialect == Dialect.POSTGRESQL) {
        return connection.getAutoCommit() ? writePostgreSql(connection, events, done, now) : inTransaction(connection, () -> writePostgreSql(connection, events, done, now));
      }
      return inTransaction(
          connection,
          () -> {
            List<Boolean> completed = done.isEmpty() ? List.of() : completeRows(connection, done, now);
            return new Written(events.isEmpty() ? Set.of() : intakeH2(connection, events, now), completed);
          });
    }
  }

  /** The PostgreSQL statement for {@code completions} completions and, if {@code intake}, events (see {@link #write}). */
  static String postgreSqlWrite(int completions, boolean intake, boolean deduplicated) {
    StringBuilder sql = new StringBuilder("WITH ");
    for (int i = 0; i < completions; i++) {
      sql.append("d").append(i).append(" AS (DELETE FROM ").append(EventTask.TABLE).append(THIS_EXECUTION).append(" RETURNING task_instance), ");
    }
    sql.append("removed (task_instance) AS (");
    if (completions == 0) {
      sql.append("SELECT NULL::text WHERE FALSE");
    }
    for (int i = 0; i < completions; i++) {
      sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT task_instance FROM d").append(i);
    }
    sql.append(")");
    if (completions > 0) {
      sql.append(", handled (id, attempt) AS (SELECT * FROM unnest(?::text[], ?::int[])),")
          .append(" marked AS (UPDATE " + TABLE + " event SET status = 'DONE', attempts = handled.attempt, payload = NULL, last_attempt_at = ?::timestamptz,")
          .append(" done_at = ?::timestamptz FROM handled JOIN removed ON removed.task_instance = handled.id WHERE event.id = handled.id)");
    }
    if (intake) {
      sql.append(", arrived (id, dedup_key, event_type, payload, claimed_by) AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bytea[], ?::text[]))");
      if (deduplicated) {
        sql.append(", stored AS (INSERT INTO " + TABLE + " (id, dedup_key, event_type, status, attempts, received_at)")
            .append(" SELECT id, dedup_key, event_type, 'PENDING', 0, ?::timestamptz FROM arrived ON CONFLICT (dedup_key) DO NOTHING RETURNING id)");
      }
      sql.append(", inserted AS (" + CLAIMABLE_EXECUTION_INSERT)
          .append(" SELECT '" + EventTask.NAME + "', arrived.id, arrived.payload, ?::timestamptz, arrived.claimed_by IS NOT NULL, arrived.claimed_by,")
          .append(" CASE WHEN arrived.claimed_by IS NOT NULL THEN ?::timestamptz END, " + CLAIMED_VERSION + " FROM arrived")
          .append(deduplicated ? " JOIN stored ON stored.id = arrived.id" : "")
          .append(" RETURNING task_instance)");
    }
    return sql.append(" SELECT TRUE, task_instance FROM removed").append(intake ? " UNION ALL SELECT FALSE, task_instance FROM inserted" : "").toString();
  }

  private static Written writePostgreSql(Connection connection, List<Pending> events, List<Done> done, Instant now) throws SQLException {
    boolean deduplicated = events.stream().anyMatch(event -> event.dedupKey() != null);
    try (PreparedStatement write = connection.prepareStatement(postgreSqlWrite(done.size(), !events.isEmpty(), deduplicated))) {
      OffsetDateTime at = timestamp(now);
      int parameter = 1;
      for (Done event : done) {
        write.setString(parameter++, event.id());
        write.setLong(parameter++, event.version());
      }
      if (!done.isEmpty()) {
        write.setArray(parameter++, connection.createArrayOf("text", done.stream().map(Done::id).toArray(String[]::new)));
        write.setArray(parameter++, connection.createArrayOf("int4", done.stream().map(Done::attempt).toArray(Integer[]::new)));
        write.setObject(parameter++, at);
        write.setObject(parameter++, at);
      }
      if (!events.isEmpty()) {
        write.setArray(parameter++, connection.createArrayOf("text", events.stream().map(Pending::id).toArray(String[]::new)));
        write.setArray(parameter++, connection.createArrayOf("text", events.stream().map(Pending::dedupKey).toArray(String[]::new)));
        write.setArray(parameter++, connection.createArrayOf("text", events.stream().map(Pending::type).toArray(String[]::new)));
        write.setArray(parameter++, connection.createArrayOf("bytea", events.stream().map(Pending::payload).toArray(byte[][]::new)));
        write.setArray(parameter++, connection.createArrayOf("text", events.stream().map(Pending::claimedBy).toArray(String[]::new)));
        if (deduplicated) {
          write.setObject(parameter++, at);
        }
        write.setObject(parameter++, at);
        write.setObject(parameter, at);
      }
      Set<String> removed = new HashSet<>();
      Set<String> stored = new HashSet<>();
      try (ResultSet rows = write.executeQuery()) {
        while (rows.next()) {
          (rows.getBoolean(1) ? removed : stored).add(rows.getString(2));
        }
      }
      return new Written(stored, done.stream().map(event -> removed.contains(event.id())).toList());
    }
  }

  private static Set<String> intakeH2(Connection connection, List<Pending> events, Instant now) throws SQLException {
    Set<String> stored = new HashSet<>();
    try (PreparedStatement event =
            connection.prepareStatement(
                "INSERT INTO " + TABLE + " (id, dedup_key, event_type, payload, status, attempts, received_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?)");
        PreparedStatement execution =
            connection.prepareStatement(CLAIMABLE_EXECUTION_INSERT + " VALUES ('" + EventTask.NAME + "', ?, ?, ?, ?, ?, ?, " + CLAIMED_VERSION + ")")) {
      for (Pending pending : events) {
        event.setString(1, pending.id());
        event.setString(2, pending.dedupKey());
        event.setString(3, pending.type());
        event.setBytes(4, pending.payload()); // also in the event row on H2: see requeueOrphans
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
        execution.setBytes(2, pending.payload());
        execution.setObject(3, timestamp(now));
        setClaim(execution, 4, pending, timestamp(now));
        execution.executeUpdate();
        stored.add(pending.id());
      }
    }
    return stored;
  }

  /** Sets {@code picked}, {@code picked_by} and {@code last_heartbeat} from {@code parameter} on; {@return the next parameter} */
  private static int setClaim(PreparedStatement insert, int parameter, Pending event, OffsetDateTime now) throws SQLException {
    boolean claimed = event.claimedBy() != null;
    insert.setBoolean(parameter++, claimed);
    insert.setString(parameter++, event.claimedBy());
    insert.setObject(parameter++, claimed ? now : null, Types.TIMESTAMP_WITH_TIMEZONE);
    return parameter;
  }

  /**
   * Keeps the executions {@code ids} claimed by {@code node} alive: sets their heartbeat to {@code
   * now}, as db-scheduler does for the executions it claimed itself, so that no other node takes them
   * for a dead node's. Statements of up to {@value #IDS_PER_STATEMENT} ids. On PostgreSQL, an
   * execution another transaction has locked (a completion deleting it) is skipped rather than
   * waited for: waiting could deadlock with a completion that deletes several (one aborted after the
   * database's deadlock time-out, a second, with the requests committed with it), and an execution
   * whose heartbeat is missed once is still far from dead.
   */
  public void heartbeat(List<String> ids, String node, Instant now) throws SQLException {
    updateClaimed(ids, "SET last_heartbeat = ?", "picked_by = ?", dialect == Dialect.POSTGRESQL, timestamp(now), node);
  }

  /**
   * Gives up {@code node}'s claim on the executions {@code ids}, not started, at the version the
   * intake claimed them at: any node claims them again (what db-scheduler's reschedule does to an
   * execution's claim). Statements of up to {@value #IDS_PER_STATEMENT} ids.
   */
  public void release(List<String> ids, String node) throws SQLException {
    updateClaimed(
        ids, "SET picked = FALSE, picked_by = NULL, last_heartbeat = NULL, version = version + 1", "picked_by = ? AND version = " + CLAIMED_VERSION, false, node);
  }

  /**
   * Runs {@code UPDATE} on this task's executions {@code ids}: {@code set} and {@code where} with
   * their parameters, then the ids, in statements of up to {@value #IDS_PER_STATEMENT}; with {@code
   * skipLocked} (PostgreSQL), executions locked by another transaction are left as they are.
   */
  private void updateClaimed(List<String> ids, String set, String where, boolean skipLocked, Object... parameters) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
        String these =
            where + " AND task_name = '" + EventTask.NAME + "' AND task_instance IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE " + EventTask.TABLE + " " + set + " WHERE "
                    + (skipLocked
                        ? "(task_name, task_instance) IN (SELECT task_name, task_instance FROM " + EventTask.TABLE + " WHERE " + these + " FOR UPDATE SKIP LOCKED)"
                        : these))) {
          int parameter = 1;
          for (Object value : parameters) {
            update.setObject(parameter++, value);
          }
          for (String id : chunk) {
            update.setString(parameter++, id);
          }
          update.executeUpdate();
        }
        commitIfNeeded(connection);
      }
    }
  }

  /**
   * Schedules the execution {@code id}, claimed at {@code version}, again at {@code next} after a
   * failed attempt, unclaimed: the statement db-scheduler's own reschedule runs.
   *
   * @return whether the execution was still the one claimed
   */
  public boolean reschedule(String id, long version, Instant next, Instant failedAt, int consecutiveFailures) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE " + EventTask.TABLE + " SET picked = FALSE, picked_by = NULL, last_heartbeat = NULL, last_failure = ?, consecutive_failures = ?,"
                    + " execution_time = ?, version = version + 1" + THIS_EXECUTION)) {
      update.setObject(1, timestamp(failedAt));
      update.setInt(2, consecutiveFailures);
      update.setObject(3, timestamp(next));
      update.setString(4, id);
      update.setLong(5, version);
      boolean updated = update.executeUpdate() == 1;
      commitIfNeeded(connection);
      return updated;
    }
  }

  /**
   * Queues again, due at {@code now}, the pending events that have no execution, from the payload
   * their row keeps on H2: the state a crash of the embedded database can leave. H2 2.5 was seen
   * keeping a committed transaction's event rows without its executions after a SIGKILL under load
   * (about one kill in a hundred); its intake keeps each event's payload in the event row too until
   * the event is handled, so that the inbox can run such an event anyway when it starts. Not needed
   * on PostgreSQL, whose intake is one statement and whose commits are whole after a crash.
   *
   * @return how many were queued again
   */
  public int requeueOrphans(Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                EXECUTION_INSERT + " SELECT '" + EventTask.NAME + "', event.id, event.payload, ?, FALSE, 1 FROM " + TABLE + " event"
                    + " WHERE event.status = 'PENDING' AND event.payload IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + EventTask.TABLE + " execution"
                    + " WHERE execution.task_name = '" + EventTask.NAME + "' AND execution.task_instance = event.id)")) {
      insert.setObject(1, timestamp(now));
      int requeued = insert.executeUpdate();
      commitIfNeeded(connection);
      return requeued;
    }
  }

  /**
   * Deletes the executions of handled events and marks their event rows (where there are any) done,
   * together: an execution is deleted only at the version it was claimed at (another node may have
   * revived it since), and its event is marked done only if it was. One statement on PostgreSQL
   * ({@link #write}), one transaction on H2.
   *
   * @return for each event, whether its execution was still this node's, and is now deleted
   */
  public List<Boolean> complete(List<Done> events, Instant now) throws SQLException {
    return write(List.of(), events, now).completed();
  }

  /**
   * On H2: deletes each execution by its whole key and version, then marks the event rows of those
   * deleted done, in batches of one-row statements (the lookups {@link #write} explains).
   */
  private static List<Boolean> completeRows(Connection connection, List<Done> events, Instant now) throws SQLException {
    List<Boolean> outcomes = new ArrayList<>(events.size());
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + EventTask.TABLE + THIS_EXECUTION)) {
      for (Done event : events) {
        delete.setString(1, event.id());
        delete.setLong(2, event.version());
        delete.addBatch();
      }
      for (int count : delete.executeBatch()) {
        outcomes.add(count > 0);
      }
    }
    if (outcomes.contains(Boolean.TRUE)) {
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE " + TABLE + " SET status = 'DONE', attempts = ?, payload = NULL, last_attempt_at = ?, done_at = ? WHERE id = ?")) {
        for (int i = 0; i < events.size(); i++) {
          if (outcomes.get(i)) {
            update.setInt(1, events.get(i).attempt());
            update.setObject(2, timestamp(now));
            update.setObject(3, timestamp(now));
            update.setString(4, events.get(i).id());
            update.addBatch();
          }
        }
        update.executeBatch();
      }
    }
    return outcomes;
  }

  /**
   * Records a failed attempt of a pending event that has attempts left: how many so far, and the
   * error, in its event row (written now on PostgreSQL if the event has none yet), provided its
   * execution is still the one claimed at {@code version}.
   */
  public void recordFailure(String id, long version, String type, int attempts, String error, Instant now) throws SQLException {
    String sql =
        dialect == Dialect.POSTGRESQL
            ? "INSERT INTO " + TABLE + " AS event (id, event_type, status, attempts, last_error, received_at, last_attempt_at)"
                + " SELECT ?, ?, 'PENDING', ?, ?, ?::timestamptz, ?::timestamptz WHERE EXISTS (SELECT 1 FROM " + EventTask.TABLE
                + " WHERE task_name = '" + EventTask.NAME + "' AND task_instance = ? AND version = ?)"
                + " ON CONFLICT (id) DO UPDATE SET attempts = EXCLUDED.attempts, last_error = EXCLUDED.last_error,"
                + " last_attempt_at = EXCLUDED.last_attempt_at WHERE event.status = 'PENDING'"
            : "UPDATE " + TABLE + " SET attempts = ?, last_error = ?, last_attempt_at = ? WHERE id = ? AND status = 'PENDING'";
    try (Connection connection = dataSource.getConnection(); PreparedStatement write = connection.prepareStatement(sql)) {
      if (dialect == Dialect.POSTGRESQL) {
        write.setString(1, id);
        write.setString(2, type);
        write.setInt(3, attempts);
        write.setString(4, cut(error));
        write.setObject(5, timestamp(receivedAt(id, now)));
        write.setObject(6, timestamp(now));
        write.setString(7, id);
        write.setLong(8, version);
      } else {
        write.setInt(1, attempts);
        write.setString(2, cut(error));
        write.setObject(3, timestamp(now));
        write.setString(4, id);
      }
      write.executeUpdate();
      commitIfNeeded(connection);
    }
  }

  /**
   * Marks an event dead, keeping its payload, attempts and last error (in a row written now on
   * PostgreSQL if it has none yet), and deletes its execution (at the version it was claimed at), in
   * one transaction.
   *
   * @return whether the execution was still this node's to bury
   */
  public boolean bury(String id, long version, String type, int attempts, String error, byte[] payload, Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return inTransaction(
          connection,
          () -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM " + EventTask.TABLE + THIS_EXECUTION);
                PreparedStatement upsert =
                    connection.prepareStatement(
                        dialect == Dialect.POSTGRESQL
                            ? "INSERT INTO " + TABLE + " AS event (status, attempts, last_error, last_attempt_at, payload, id, event_type, received_at)"
                                + " VALUES ('DEAD', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = 'DEAD', attempts = EXCLUDED.attempts,"
                                + " last_error = EXCLUDED.last_error, last_attempt_at = EXCLUDED.last_attempt_at, payload = EXCLUDED.payload"
                            : "UPDATE " + TABLE + " SET status = 'DEAD', attempts = ?, last_error = ?, last_attempt_at = ?, payload = ? WHERE id = ?")) {
              delete.setString(1, id);
              delete.setLong(2, version);
              if (delete.executeUpdate() == 0) {
                return false;
              }
              upsert.setInt(1, attempts);
              upsert.setString(2, cut(error));
              upsert.setObject(3, timestamp(now));
              upsert.setBytes(4, payload);
              upsert.setString(5, id);
              if (dialect == Dialect.POSTGRESQL) {
                upsert.setString(6, type);
                upsert.setObject(7, timestamp(receivedAt(id, now)));
              }
              upsert.executeUpdate();
              return true;
            }
          });
    }
  }

  /**
   * {@return the counts behind {@code stats()}}: pending and retrying events from the executions (the
   * oldest pending is the smallest id), dead ones from the status index.
   */
  public Counts counts() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement executions =
            connection.prepareStatement(
                "SELECT COUNT(*), MIN(task_instance), SUM(CASE WHEN consecutive_failures > 0 THEN 1 ELSE 0 END) FROM " + EventTask.TABLE
                    + " WHERE task_name = '" + EventTask.NAME + "'");
        PreparedStatement dead = connection.prepareStatement("SELECT COUNT(*) FROM " + TABLE + " WHERE status = 'DEAD'")) {
      long pending;
      long retrying;
      Instant oldest;
      try (ResultSet row = executions.executeQuery()) {
        row.next();
        pending = row.getLong(1);
        oldest = row.getString(2) == null ? null : EventIds.timestamp(row.getString(2));
        retrying = row.getLong(3);
      }
      try (ResultSet row = dead.executeQuery()) {
        row.next();
        return new Counts(pending, retrying, row.getLong(1), oldest);
      }
    }
  }

  /**
   * {@return the first {@code limit} pending events, the oldest first}: their executions, with what
   * their event rows say where there are any (the type otherwise read from the payload).
   */
  public List<Listed> pending(int limit) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT execution.task_instance, event.event_type, execution.consecutive_failures, event.last_error, event.received_at,"
                    + " COALESCE(event.last_attempt_at, execution.last_failure), CASE WHEN event.event_type IS NULL THEN execution.task_data END"
                    + " FROM " + EventTask.TABLE + " execution LEFT JOIN " + TABLE + " event ON event.id = execution.task_instance"
                    + " WHERE execution.task_name = '" + EventTask.NAME + "' ORDER BY execution.task_instance LIMIT ?")) {
      select.setInt(1, limit);
      List<Listed> listed = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String id = rows.getString(1);
          String type = rows.getString(2);
          OffsetDateTime received = rows.getObject(5, OffsetDateTime.class);
          OffsetDateTime last = rows.getObject(6, OffsetDateTime.class);
          listed.add(
              new Listed(
                  id,
                  type != null ? type : typeOf(rows.getBytes(7)),
                  rows.getInt(3),
                  rows.getString(4),
                  received != null ? received.toInstant() : receivedAt(id, null),
                  last == null ? null : last.toInstant()));
        }
      }
      return listed;
    }
  }

  /** {@return the first {@code limit} dead events, the oldest first} */
  public List<Listed> dead(int limit) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, event_type, attempts, last_error, received_at, last_attempt_at FROM " + TABLE
                    + " WHERE status = ? ORDER BY received_at, id LIMIT ?")) {
      select.setString(1, "DEAD");
      select.setInt(2, limit);
      List<Listed> listed = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          OffsetDateTime last = rows.getObject(6, OffsetDateTime.class);
          listed.add(
              new Listed(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getInt(3),
                  rows.getString(4),
                  rows.getObject(5, OffsetDateTime.class).toInstant(),
                  last == null ? null : last.toInstant()));
        }
      }
      return listed;
    }
  }

  /**
   * Turns up to {@code limit} dead events back into pending ones with no attempts, each with an
   * execution due at {@code now} carrying its payload (unless one lingers from a node that died), in
   * one transaction. Rows another replay is taking are skipped on PostgreSQL.
   *
   * @return how many were revived
   */
  public int revive(int limit, Instant now) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return inTransaction(
          connection,
          () -> {
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
                        EXECUTION_INSERT + " SELECT '" + EventTask.NAME + "', id, payload, ?, FALSE, 1 FROM " + TABLE + " WHERE id = ? AND NOT EXISTS"
                            + " (SELECT 1 FROM " + EventTask.TABLE + " WHERE task_name = '" + EventTask.NAME + "' AND task_instance = ?)")) {
              for (String id : ids) {
                update.setString(1, id);
                update.executeUpdate();
                execution.setObject(1, timestamp(now));
                execution.setString(2, id);
                execution.setString(3, id);
                execution.executeUpdate();
              }
            }
            return ids.size();
          });
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
    try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setObject(1, timestamp(before));
      delete.setInt(2, limit);
      int deleted = delete.executeUpdate();
      commitIfNeeded(connection);
      return deleted;
    }
  }

  /** Checks that the database answers: a trivial query on the event table. */
  public void ping() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE 1 = 0")) {
      select.executeQuery().close();
    }
  }

  /** Work done inside a transaction. */
  private interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work} in one transaction on {@code connection}: commits if it returns, rolls back if it throws. */
  private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** Commits a single statement on a pool whose connections do not auto-commit. */
  private static void commitIfNeeded(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.commit();
    }
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** {@return when the event {@code id} was received, from its time-ordered id; {@code otherwise} for an id of another kind} */
  private static Instant receivedAt(String id, Instant otherwise) {
    Instant received = EventIds.timestamp(id);
    return received != null ? received : otherwise;
  }

  /** {@return the {@code type} field of an event's JSON, or a placeholder if it cannot be read} */
  private static String typeOf(byte[] payload) {
    try {
      JsonNode type = payload == null ? null : JSON.readTree(payload).get("type");
      return type != null && type.isTextual() ? type.textValue() : "(unreadable)";
    } catch (IOException unreadable) {
      return "(unreadable)";
    }
  }

  private static String cut(String error) {
    return error == null || error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS - 1) + "…";
  }
}
