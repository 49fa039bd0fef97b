package ai.hrflow.webhook.inbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: its own data directory and free port, listening on
 * 127.0.0.1 only, started with {@code initdb} and {@code pg_ctl} (as the {@code postgres} user when
 * the tests run as root, since PostgreSQL refuses root), stopped and deleted on {@link #close()} (and
 * at JVM exit, should a test not get there). {@code .ci/run} installs Debian's {@code postgresql} when
 * it is missing. Public for the inbox benchmark.
 */
@SuppressWarnings("exports") // HikariCP is a test dependency, outside the module graph
public final class PostgresServer implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer shared;

  private final Path home;
  private final Path data;
  private final Path bin;
  private final int port;
  private final Thread cleanup;
  private volatile boolean running;

  private PostgresServer() throws IOException, InterruptedException {
    this.bin = binaries();
    this.home = Files.createTempDirectory("hrflow-pg-");
    this.data = home.resolve("data");
    this.port = freePort();
    if (runsAsRoot()) {
      run(List.of("chown", "-R", "postgres", home.toString()), false);
    }
    run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "hrflow", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"), true);
    this.cleanup = new Thread(this::stopAndDelete, "postgres-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    start();
  }

  /** A new cluster of its own, for a test that stops and starts it. */
  public static PostgresServer startNew() throws IOException, InterruptedException {
    return new PostgresServer();
  }

  /** The cluster shared by this JVM's tests, started on first use and stopped at exit. */
  public static synchronized PostgresServer shared() throws IOException, InterruptedException {
    if (shared == null) {
      shared = new PostgresServer();
    }
    return shared;
  }

  /** Starts the server (again), and waits until it takes connections. */
  public void start() throws IOException, InterruptedException {
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            home.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + home + " -c max_connections=400",
            "start"),
        true);
    running = true;
  }

  /** Stops the server at once, as a crash would ({@code pg_ctl stop -m immediate}); {@link #start} recovers it. */
  public void kill() throws IOException, InterruptedException {
    running = false;
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), true);
  }

  /** {@return the JDBC URL of {@code database} on this server} */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=hrflow&connectTimeout=5&socketTimeout=30";
  }

  /** Creates a new, empty database and returns its name. */
  public String newDatabase() throws SQLException {
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(url("postgres")); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  /** A HikariCP pool on {@code database}, as an application would configure one. */
  public HikariDataSource pool(String database, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url(database));
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(5_000);
    config.setPoolName("test-" + database);
    return new HikariDataSource(config);
  }

  @Override
  public void close() {
    stopAndDelete();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void stopAndDelete() {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), true);
      }
      running = false;
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@return the CPU time the server's processes have used so far (the postmaster and its children,
   * connections included), in nanoseconds; 0 if the system does not say} For benchmarks: the
   * difference between two calls is what the database spent meanwhile.
   */
  public long cpuNanos() {
    try {
      long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
      return ProcessHandle.of(pid)
          .map(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()).mapToLong(PostgresServer::cpuNanos).sum())
          .orElse(0L);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  /** {@return whether the server is up, as far as this harness knows} */
  public boolean running() {
    return running;
  }

  private static Path binaries() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path initdb = Path.of(dir, "initdb");
      if (Files.isExecutable(initdb)) {
        try {
          return initdb.toRealPath().getParent();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb"))).max(Comparator.naturalOrder()).orElseThrow();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "PostgreSQL's initdb and pg_ctl are needed for the inbox's PostgreSQL tests: install Debian's postgresql"
              + " (apt-get install postgresql), or run bash .ci/run, which does");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Runs {@code command}, as {@code postgres} when we are root and {@code asPostgres}; fails with its output. */
  private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres && runsAsRoot()) {
      full.addAll(Arrays.asList("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", full) + " failed: " + new String(output, StandardCharsets.UTF_8));
    }
  }
}
