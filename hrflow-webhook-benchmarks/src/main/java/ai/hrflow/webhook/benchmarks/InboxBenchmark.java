package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.inbox.InboxAdmin;
import ai.hrflow.webhook.inbox.NodeProcess;
import ai.hrflow.webhook.inbox.PostgresServer;
import ai.hrflow.webhook.inbox.InboxNode;
import ai.hrflow.webhook.inbox.WebhookInbox;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.runtime.testhooks.KeepAliveClient;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The cost of durability, as ratios against durability itself: HTTP intake into the inbox (wrk, signed
 * 1 KB profile events, {@code CONNECTIONS} keep-alive connections, default server and inbox settings,
 * a handler that reads the profile) against a bare JDBC loop that inserts and commits the same bytes
 * at the same concurrency on the same database; on PostgreSQL and on the embedded H2. Rounds
 * alternate bare and inbox. Then the latency from acknowledgement to handler start at half the
 * inbox's measured rate, and the intake of 1, 2 and 3 receiver JVMs on one PostgreSQL. Run by {@code
 * inbox-benchmark.sh}, which passes the wrk script; exits 1 if a target is missed (intake at least
 * {@code TARGET} of bare on each database, p99 latency under 1 s).
 */
public final class InboxBenchmark {

  private static final int CONNECTIONS = Integer.getInteger("connections", 32);
  private static final int DURATION = Integer.getInteger("duration", 10);
  private static final int WARMUP = Integer.getInteger("warmup", 30);
  private static final int ROUNDS = Integer.getInteger("rounds", 3);
  private static final double TARGET = Double.parseDouble(System.getProperty("target", "0.5"));
  private static final int LATENCY_SECONDS = Integer.getInteger("latency.seconds", 20);

  private final Path lua;
  private final Path work;
  private final byte[] payload;
  private final List<String> failures = new ArrayList<>();
  /** The database's CPU time so far, in nanoseconds (PostgreSQL's processes); 0 where it cannot be told apart (H2 runs in this JVM). */
  private LongSupplier databaseCpu = () -> 0;
  /** The database's CPU time per event (or insert) during the last measured intake or bare loop, in microseconds. */
  private double lastDatabaseMicros;

  private InboxBenchmark(Path lua, Path work) throws IOException {
    this.lua = lua;
    this.work = work;
    this.payload = Payloads.load("profile-1k");
  }

  public static void main(String[] args) throws Exception {
    InboxBenchmark benchmark = new InboxBenchmark(Path.of(args[0]), Path.of(args[1]));
    List<String> parts = args.length > 2 ? Arrays.asList(args[2].split(",")) : List.of("postgresql", "h2", "latency", "fleet");
    benchmark.run(parts);
    if (!benchmark.failures.isEmpty()) {
      System.out.println("MISSED: " + String.join("; ", benchmark.failures));
      System.exit(1);
    }
    System.out.println("every target met");
    System.exit(0);
  }

  private void run(List<String> parts) throws Exception {
    System.out.printf(
        Locale.ROOT, "java %s, %d connections, %d s measured after %d s of warm-up, %d rounds%n", Runtime.version(), CONNECTIONS, DURATION, WARMUP, ROUNDS);
    double postgresRate = 0;
    try (PostgresServer postgres = PostgresServer.startNew()) {
      databaseCpu = postgres::cpuNanos;
      if (parts.contains("postgresql")) {
        String database = postgres.newDatabase();
        try (HikariDataSource pool = postgres.pool(database, CONNECTIONS + 16)) {
          postgresRate = compare("PostgreSQL", pool, () -> WebhookInbox.builder().dataSource(pool));
        }
      }
      if (parts.contains("latency")) {
        String database = postgres.newDatabase();
        try (HikariDataSource pool = postgres.pool(database, CONNECTIONS + 16)) {
          double fixed = Double.parseDouble(System.getProperty("latency.rate", "0"));
          if (fixed > 0) {
            postgresRate = 2 * fixed;
          } else if (postgresRate == 0) {
            postgresRate = rate(pool, () -> WebhookInbox.builder().dataSource(pool));
          }
          latency(pool, postgresRate / 2);
        }
      }
      if (parts.contains("fleet")) {
        fleet(postgres);
      }
    }
    databaseCpu = () -> 0;
    if (parts.contains("h2")) {
      Path folder = Files.createTempDirectory(work, "h2-");
      JdbcConnectionPool bare = JdbcConnectionPool.create("jdbc:h2:async:" + folder.resolve("bare") + ";WRITE_DELAY=0", "hrflow", "");
      bare.setMaxConnections(CONNECTIONS + 16);
      try {
        compareEmbedded(bare, folder.resolve("inbox"));
      } finally {
        bare.dispose();
        deleteRecursively(folder); // gigabytes per run
      }
    }
  }

  /** How an inbox for a round is configured. */
  private interface InboxConfig {
    WebhookInbox.Builder builder();
  }

  private double compare(String name, DataSource database, InboxConfig config) throws Exception {
    createBareTable(database);
    double[] bare = new double[ROUNDS];
    double[] inbox = new double[ROUNDS];
    double[] bareCpu = new double[ROUNDS];
    double[] inboxCpu = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      if (round % 2 == 0) {
        bare[round] = bareLoop(database);
        bareCpu[round] = lastDatabaseMicros;
        inbox[round] = rate(database, config);
        inboxCpu[round] = lastDatabaseMicros;
      } else {
        inbox[round] = rate(database, config);
        inboxCpu[round] = lastDatabaseMicros;
        bare[round] = bareLoop(database);
        bareCpu[round] = lastDatabaseMicros;
      }
      System.out.printf(
          Locale.ROOT,
          "%-10s round %d: bare JDBC %8.0f inserts/s, inbox over HTTP %8.0f events/s, ratio %.2f; database CPU per insert %.0f us, per event %.0f us%n",
          name, round + 1, bare[round], inbox[round], inbox[round] / bare[round], bareCpu[round], inboxCpu[round]);
    }
    System.out.printf(
        Locale.ROOT, "%-10s database CPU: median %.0f us per bare insert, %.0f us per inbox event (intake and completion)%n", name, median(bareCpu), median(inboxCpu));
    return report(name, bare, inbox);
  }

  private void compareEmbedded(JdbcConnectionPool bareDatabase, Path inboxFolder) throws Exception {
    createBareTable(bareDatabase);
    double[] bare = new double[ROUNDS];
    double[] inbox = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      Path folder = inboxFolder.resolve("round-" + round); // a new database per round, as bare_event is emptied
      if (round % 2 == 0) {
        bare[round] = bareLoop(bareDatabase);
        inbox[round] = rate(null, () -> WebhookInbox.builder().embedded(folder));
      } else {
        inbox[round] = rate(null, () -> WebhookInbox.builder().embedded(folder));
        bare[round] = bareLoop(bareDatabase);
      }
      System.out.printf(Locale.ROOT, "%-10s round %d: bare JDBC %8.0f inserts/s, inbox over HTTP %8.0f events/s, ratio %.2f%n", "H2", round + 1, bare[round], inbox[round], inbox[round] / bare[round]);
    }
    report("H2", bare, inbox);
  }

  private double report(String name, double[] bare, double[] inbox) {
    double[] ratios = new double[bare.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = inbox[i] / bare[i];
    }
    double median = median(ratios);
    System.out.printf(
        Locale.ROOT,
        "%-10s RESULT intake/bare median %.2f (rounds %s), inbox median %.0f events/s, bare median %.0f inserts/s; target >= %.2f%n",
        name, median, Arrays.toString(Arrays.stream(ratios).map(r -> Math.round(r * 100) / 100.0).toArray()), median(inbox), median(bare), TARGET);
    if (median < TARGET) {
      failures.add(name + " intake " + String.format(Locale.ROOT, "%.2f", median) + " of bare, under " + TARGET);
    }
    return median(inbox);
  }

  private static void createBareTable(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS bare_event (id VARCHAR(36) PRIMARY KEY, payload " + (isH2(connection) ? "VARBINARY" : "BYTEA")
          + ", received_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
  }

  private static boolean isH2(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().equals("H2");
  }

  /** Inserts and commits one row of the same bytes per iteration, from CONNECTIONS threads; {@return rows per second} */
  private double bareLoop(DataSource database) throws Exception {
    truncate(database, "bare_event");
    checkpoint(database);
    byte[] bytes = payload;
    AtomicLong counted = new AtomicLong();
    long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP);
    long end = warmupEnd + TimeUnit.SECONDS.toNanos(DURATION);
    ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < CONNECTIONS; t++) {
      running.add(
          threads.submit(
              () -> {
                try (Connection connection = database.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO bare_event (id, payload, received_at) VALUES (?, ?, ?)")) {
                  connection.setAutoCommit(true); // one commit per row, as the inbox commits per request
                  for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setBytes(2, bytes);
                    insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.executeUpdate();
                    if (now >= warmupEnd) {
                      counted.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    long cpuWarm = databaseCpuAt(warmupEnd);
    long cpuEnd = databaseCpuAt(end);
    for (Future<?> thread : running) {
      thread.get();
    }
    threads.shutdown();
    lastDatabaseMicros = (cpuEnd - cpuWarm) / 1e3 / Math.max(1, counted.get());
    truncate(database, "bare_event"); // its hundreds of megabytes would be vacuumed during the next part
    return counted.get() / (double) DURATION;
  }

  /** Waits until {@code nanoTime}, then {@return the database's CPU time} */
  private long databaseCpuAt(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
    return databaseCpu.getAsLong();
  }

  /** HTTP intake with an inbox built from {@code config}: wrk's requests per second once warm; waits for the inbox to drain. */
  private double rate(DataSource database, InboxConfig config) throws Exception {
    if (database != null) {
      truncate(database, "hrflow_inbox_event");
      truncate(database, "hrflow_inbox_task");
      checkpoint(database);
    }
    ReadingHandler handler = new ReadingHandler();
    BenchmarkHooksDispatcher dispatcher = new BenchmarkHooksDispatcher(handler);
    try (WebhookInbox inbox = config.builder().dispatcher(dispatcher).build();
        WebhookServer server =
            WebhookServer.builder()
                .port(0)
                .receiver(WebhookReceiver.builder().secret(InboxNode.SECRET).dispatcher(dispatcher).inbox(inbox).build())
                .start()) {
      String url = "http://127.0.0.1:" + server.port() + "/webhooks";
      wrk(url, CONNECTIONS, WARMUP, false);
      long cpuBefore = databaseCpu.getAsLong();
      Wrk measured = wrk(url, CONNECTIONS, DURATION, true);
      lastDatabaseMicros = (databaseCpu.getAsLong() - cpuBefore) / 1e3 / Math.max(1, measured.rate() * DURATION);
      if (measured.errors() > 0) {
        failures.add("the inbox answered " + measured.errors() + " requests with non-2xx");
      }
      long pending = inbox.stats().pending();
      long draining = System.nanoTime();
      drain(inbox, Duration.ofMinutes(5));
      System.out.printf(
          Locale.ROOT, "  (intake %.0f events/s; %d events pending when it ended, handled %.1f s later)%n", measured.rate(), pending, (System.nanoTime() - draining) / 1e9);
      return measured.rate();
    } finally {
      if (database != null) {
        // the executions it deleted are dead rows, which autovacuum would clean up during the next part
        truncate(database, "hrflow_inbox_event");
        truncate(database, "hrflow_inbox_task");
      }
    }
  }

  private static void drain(WebhookInbox inbox, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inbox.stats().pending() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /** What one wrk run measured. */
  private record Wrk(double rate, long errors, String p50, String p99) {}

  private Wrk wrk(String url, int connections, int seconds, boolean latency) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "-s", lua.toString()));
    if (latency) {
      command.add("--latency");
    }
    command.add(url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    double rate = 0;
    long errors = 0;
    String p50 = "?";
    String p99 = "?";
    for (String line : output.split("\n")) {
      String[] words = line.strip().split("\\s+");
      if (line.startsWith("Requests/sec:")) {
        rate = Double.parseDouble(words[1]);
      } else if (line.contains("Non-2xx or 3xx responses:")) {
        errors = Long.parseLong(words[words.length - 1]);
      } else if (words.length == 2 && words[0].equals("50%")) {
        p50 = words[1];
      } else if (words.length == 2 && words[0].equals("99%")) {
        p99 = words[1];
      }
    }
    if (rate == 0) {
      throw new IllegalStateException("wrk measured nothing:\n" + output);
    }
    return new Wrk(rate, errors, p50, p99);
  }

  /**
   * Sends distinct events at {@code rate} per second (open loop, over CONNECTIONS keep-alive
   * connections) for LATENCY_SECONDS, and reports the delay from each acknowledgement to the start of
   * its handler: p50, p99, max.
   */
  private void latency(HikariDataSource pool, double rate) throws Exception {
    Map<String, Long> started = new ConcurrentHashMap<>();
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    BenchmarkHooksDispatcher dispatcher =
        new BenchmarkHooksDispatcher(
            (ProfilePayload event) -> {
              started.putIfAbsent(event.profile().key(), System.nanoTime());
              event.profile().info().fullName();
            });
    try (WebhookInbox inbox = WebhookInbox.builder().dataSource(pool).dispatcher(dispatcher).build();
        WebhookServer server =
            WebhookServer.builder()
                .port(0)
                .receiver(WebhookReceiver.builder().secret(InboxNode.SECRET).dispatcher(dispatcher).inbox(inbox).build())
                .start()) {
      long intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) * CONNECTIONS / rate);
      long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
      long end = begin + TimeUnit.SECONDS.toNanos(LATENCY_SECONDS);
      ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < CONNECTIONS; s++) {
        int sender = s;
        running.add(
            senders.submit(
                () -> {
                  try (KeepAliveClient client = new KeepAliveClient(server.port(), "/webhooks")) {
                    long next = begin + intervalNanos * sender / CONNECTIONS;
                    for (int n = 0; next < end; n++, next += intervalNanos) {
                      long wait = next - System.nanoTime();
                      if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                      }
                      String key = "latency-" + sender + "-" + n;
                      String json = "{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"" + key + "\",\"info\":{\"full_name\":\"Ada\"}}}";
                      if (client.post(InboxNode.SECRET, json).status() == 200) {
                        acknowledged.put(key, System.nanoTime());
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> sender : running) {
        sender.get();
      }
      senders.shutdown();
      drain(inbox, Duration.ofMinutes(5));
    }
    long[] delays = acknowledged.entrySet().stream().filter(e -> started.containsKey(e.getKey())).mapToLong(e -> Math.max(0, started.get(e.getKey()) - e.getValue())).sorted().toArray();
    double p50 = delays[delays.length / 2] / 1e6;
    double p99 = delays[(int) (delays.length * 0.99)] / 1e6;
    double max = delays[delays.length - 1] / 1e6;
    System.out.printf(
        Locale.ROOT,
        "latency    RESULT acknowledgement to handler start at %.0f events/s (half the inbox's rate), %d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms; target p99 < 1000 ms%n",
        rate, delays.length, p50, p99, max);
    if (delays.length < acknowledged.size()) {
      failures.add((acknowledged.size() - delays.length) + " acknowledged events never reached their handler");
    }
    if (p99 >= 1000) {
      failures.add("p99 acknowledgement-to-handler latency " + p99 + " ms, not under 1 s");
    }
  }

  /** Intake of 1, 2 and 3 receiver JVMs on one PostgreSQL, the connections split between them. */
  private void fleet(PostgresServer postgres) throws Exception {
    for (int nodes = 1; nodes <= 3; nodes++) {
      String database = postgres.newDatabase();
      List<NodeProcess> started = new ArrayList<>();
      try (HikariDataSource pool = postgres.pool(database, 4)) {
        for (int n = 0; n < nodes; n++) {
          started.add(
              NodeProcess.start(
                  "bench-" + n,
                  Map.of(
                      "inbox.db", postgres.url(database),
                      "inbox.handled", work.resolve("fleet-" + nodes + "-" + n + ".log").toString(),
                      "inbox.workers", String.valueOf(WebhookInbox.DEFAULT_WORKERS),
                      "inbox.pool", String.valueOf(CONNECTIONS + 16))));
        }
        loadAll(started, WARMUP);
        long intakeStart = System.nanoTime();
        double rate = loadAll(started, DURATION);
        InboxAdmin admin = InboxAdmin.of(pool);
        while (admin.stats().pending() > 0) {
          Thread.sleep(100);
        }
        double drained = (System.nanoTime() - intakeStart) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "fleet      RESULT %d node%s on one PostgreSQL: intake %.0f events/s; the %d s of intake were all handled %.1f s after it began%n",
            nodes, nodes == 1 ? "" : "s", rate, DURATION, drained);
      } finally {
        for (NodeProcess node : started) {
          node.close();
        }
      }
    }
  }

  /** Runs one wrk per node at once, CONNECTIONS split between them; {@return the summed rate} */
  private double loadAll(List<NodeProcess> nodes, int seconds) throws Exception {
    ExecutorService runs = Executors.newFixedThreadPool(nodes.size());
    List<Future<Wrk>> results = new ArrayList<>();
    for (int n = 0; n < nodes.size(); n++) {
      int connections = CONNECTIONS / nodes.size() + (n < CONNECTIONS % nodes.size() ? 1 : 0);
      String url = "http://127.0.0.1:" + nodes.get(n).port() + "/webhooks";
      results.add(runs.submit(() -> wrk(url, connections, seconds, false)));
    }
    double total = 0;
    for (Future<Wrk> result : results) {
      Wrk wrk = result.get();
      if (wrk.errors() > 0) {
        failures.add("a fleet node answered " + wrk.errors() + " requests with non-2xx");
      }
      total += wrk.rate();
    }
    runs.shutdown();
    return total;
  }

  /** Empties {@code table} between rounds (TRUNCATE: no dead rows left for autovacuum to chase during the next round). */
  private static void truncate(DataSource database, String table) throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE TABLE " + table);
    } catch (SQLException missing) {
      // created by the inbox on its first start
    }
  }

  /**
   * Writes the database's dirty pages now, so that each measured part starts with its checkpoint
   * behind it rather than in the middle of one (PostgreSQL's, every 5 minutes or 1 GB of WAL, made
   * the bare loop's rate vary by a factor of two between rounds).
   */
  private static void checkpoint(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
