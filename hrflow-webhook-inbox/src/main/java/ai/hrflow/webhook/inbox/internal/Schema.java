package ai.hrflow.webhook.inbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Creates the inbox's tables (idempotently), or checks that they exist. */
public final class Schema {

  /** The tables the inbox needs. */
  public static final List<String> TABLES = List.of(EventStore.TABLE, EventTask.TABLE);

  /** Serializes schema creation between nodes starting at once on PostgreSQL (an arbitrary constant). */
  private static final long CREATION_LOCK = 0x6872666c6f77L; // "hrflow"

  /** PostgreSQL's SQL state for a deadlock, which aborts one of the transactions involved. */
  private static final String DEADLOCK = "40P01";

  private static final int DEADLOCK_ATTEMPTS = 3;

  private static final Pattern CREATED = Pattern.compile("^CREATE (?:TABLE|INDEX) IF NOT EXISTS (\\w+)", Pattern.CASE_INSENSITIVE);

  private Schema() {}

  /** {@return the statements of the schema script for {@code dialect}} */
  public static List<String> statements(Dialect dialect) {
    String script;
    try (InputStream in = Schema.class.getResourceAsStream("/ai/hrflow/webhook/inbox/" + dialect.schemaResource())) {
      if (in == null) {
        throw new IllegalStateException("the schema script " + dialect.schemaResource() + " is missing from the inbox jar");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    return statements;
  }

  /**
   * Runs the schema script in one transaction, unless every table and index it creates exists already
   * (PostgreSQL). On PostgreSQL, nodes starting together take turns (an advisory lock), since
   * concurrent {@code CREATE TABLE IF NOT EXISTS} can collide; and a node that starts while others
   * write (a restart in a running fleet) runs no DDL at all when nothing is missing: {@code CREATE
   * INDEX IF NOT EXISTS} locks its table against writes even when the index exists, and the script
   * locking both tables met the other nodes' writes locking them in the other order (deadlock,
   * measured in FleetTest). Where something is missing, a deadlock is retried.
   */
  public static void create(DataSource dataSource, Dialect dialect) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        createOnce(dataSource, dialect);
        return;
      } catch (SQLException e) {
        if (!DEADLOCK.equals(e.getSQLState()) || attempt == DEADLOCK_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static void createOnce(DataSource dataSource, Dialect dialect) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        List<String> script = statements(dialect);
        if (dialect == Dialect.POSTGRESQL) {
          statement.execute("SELECT pg_advisory_xact_lock(" + CREATION_LOCK + ")");
          List<String> names = createdNames(script);
          if (names.size() == script.size() && allExist(connection, names)) {
            connection.commit();
            return;
          }
        }
        for (String sql : script) {
          statement.execute(sql);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /** {@return the names of the tables and indexes {@code script} creates} */
  static List<String> createdNames(List<String> script) {
    List<String> names = new ArrayList<>();
    for (String sql : script) {
      Matcher created = CREATED.matcher(sql);
      if (created.find()) {
        names.add(created.group(1));
      }
    }
    return names;
  }

  private static boolean allExist(Connection connection, List<String> names) throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      for (String name : names) {
        exists.setString(1, name);
        try (ResultSet row = exists.executeQuery()) {
          if (!row.next() || !row.getBoolean(1)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * Checks that the tables exist, for an inbox built with {@code createSchema(false)}.
   *
   * @throws IllegalStateException naming the missing table and the script that creates it
   */
  public static void verify(DataSource dataSource, Dialect dialect) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        try {
          statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
        } catch (SQLException missing) {
          if (!connection.getAutoCommit()) {
            connection.rollback();
          }
          throw new IllegalStateException(
              "the inbox table " + table + " is missing: run " + dialect.schemaResource()
                  + " (in the hrflow-webhook-inbox jar, under ai/hrflow/webhook/inbox/) on this database,"
                  + " or build the inbox with createSchema(true) to let it create its tables",
              missing);
        }
      }
    }
  }
}
