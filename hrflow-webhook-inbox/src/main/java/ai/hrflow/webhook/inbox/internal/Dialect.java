package ai.hrflow.webhook.inbox.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The databases the inbox runs on, and what differs between them. */
public enum Dialect {
  /** PostgreSQL: for a fleet of receivers sharing one database. */
  POSTGRESQL("schema-postgresql.sql"),
  /** H2: the embedded database, one JVM. */
  H2("schema-h2.sql");

  private final String schemaResource;

  Dialect(String schemaResource) {
    this.schemaResource = schemaResource;
  }

  /**
   * The dialect of {@code dataSource}'s database.
   *
   * @throws SQLException if the database cannot be reached
   * @throws IllegalArgumentException if it is neither PostgreSQL nor H2
   */
  public static Dialect of(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      String lower = product.toLowerCase(Locale.ROOT);
      if (lower.contains("postgresql")) {
        return POSTGRESQL;
      }
      if (lower.equals("h2")) {
        return H2;
      }
      throw new IllegalArgumentException(
          "the inbox runs on PostgreSQL (for a fleet) or H2 (embedded); this data source is " + product);
    }
  }

  /** {@return the name of the schema script, a resource beside {@code WebhookInbox}} */
  public String schemaResource() {
    return schemaResource;
  }
}
