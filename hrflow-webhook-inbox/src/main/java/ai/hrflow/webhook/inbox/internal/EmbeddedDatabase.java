package ai.hrflow.webhook.inbox.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded database: H2 in files under one folder, created on first start, readable by the
 * owner only (its events hold personal data). Every commit is written to the file before it returns
 * ({@code WRITE_DELAY=0}), so a process killed at any moment keeps every acknowledged event.
 */
public final class EmbeddedDatabase {

  /** The folder used when none is given: {@code ./hrflow-inbox}. */
  public static final Path DEFAULT_FOLDER = Path.of("hrflow-inbox");

  private EmbeddedDatabase() {}

  /**
   * Opens (creating if needed) the database in {@code folder}, with a pool of up to {@code
   * connections}.
   *
   * @throws IllegalStateException if another process has the database open
   */
  public static JdbcConnectionPool open(Path folder, int connections) {
    Path absolute = folder.toAbsolutePath().normalize();
    createPrivately(absolute);
    // async: AsynchronousFileChannel, which an interrupted thread cannot close (a FileChannel closes on
    // interrupt, and H2 then closes the whole database).
    String url = "jdbc:h2:async:" + absolute.resolve("inbox") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "hrflow", "");
    pool.setMaxConnections(connections);
    try (Connection first = pool.getConnection()) {
      first.isValid(1);
    } catch (SQLException e) {
      pool.dispose();
      if (e.getErrorCode() == 90020) { // DATABASE_ALREADY_OPEN_1
        throw new IllegalStateException(
            "the embedded inbox in " + absolute + " is open in another process: give each JVM its own folder"
                + " (WebhookInbox.builder().embedded(path)), or share a PostgreSQL database (dataSource(...))",
            e);
      }
      throw new IllegalStateException("the embedded inbox in " + absolute + " could not be opened: " + e.getMessage(), e);
    }
    return pool;
  }

  private static void createPrivately(Path folder) {
    try {
      if (Files.isDirectory(folder)) {
        return;
      }
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the embedded inbox's folder " + folder + " could not be created", e);
    }
  }
}
