package ai.hrflow.webhook.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.inbox.internal.EventTask;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.runtime.testhooks.KeepAliveClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A node runs the events it stores itself: their executions are stored claimed by it (no claim
 * statement, no polling), kept alive by its heartbeats, released when it closes before starting them,
 * and stored unclaimed for any node once it holds four times its workers. On H2 and on a real
 * PostgreSQL, over real HTTP.
 */
class LocalRunsTest {

  private final List<AutoCloseable> closing = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Recorder recorder = new Recorder();
  private final Map<String, String> started = new ConcurrentHashMap<>(); // key -> thread, once the blocking handler started
  private final Recorder blocking =
      new Recorder() {
        @Override
        public void onProfileParsingSuccess(ProfilePayload event) {
          started.put(event.profile().key(), Thread.currentThread().getName());
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          super.onProfileParsingSuccess(event);
        }
      };

  @AfterEach
  void close() throws Exception {
    release.countDown();
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private DataSource database(String kind) throws Exception {
    if (kind.equals("h2")) {
      JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:mem:local-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
      closing.add(h2::dispose);
      return h2;
    }
    PostgresServer postgres = PostgresServer.shared();
    var pool = postgres.pool(postgres.newDatabase(), 20);
    closing.add(pool);
    return pool;
  }

  private WebhookInbox.Builder inbox(DataSource database, Recorder handler) {
    return WebhookInbox.builder().dataSource(database).dispatcher(handler.dispatcher()).pollingInterval(Duration.ofMillis(200));
  }

  private KeepAliveClient serve(WebhookInbox inbox) throws Exception {
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Recorder.SECRET).dispatcher(recorder.dispatcher()).inbox(inbox).build();
    WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start();
    closing.add(server);
    KeepAliveClient client = new KeepAliveClient(server.port(), "/webhooks");
    closing.add(client);
    return client;
  }

  /** An execution, as the database has it. */
  record Row(String id, boolean picked, String pickedBy, long version, Instant heartbeat) {}

  private static List<Row> rows(DataSource database) throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT task_instance, picked, picked_by, version, last_heartbeat FROM " + EventTask.TABLE + " WHERE task_name = ? ORDER BY task_instance")) {
      select.setString(1, EventTask.NAME);
      List<Row> rows = new ArrayList<>();
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          OffsetDateTime heartbeat = result.getObject(5, OffsetDateTime.class);
          rows.add(new Row(result.getString(1), result.getBoolean(2), result.getString(3), result.getLong(4), heartbeat == null ? null : heartbeat.toInstant()));
        }
      }
      return rows;
    }
  }

  private static String thisNode() {
    return "#" + ProcessHandle.current().pid();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anAcknowledgedEventIsStoredClaimedByTheNodeThatRunsItAndRemovedOnceHandled(String kind) throws Exception {
    DataSource database = database(kind);
    WebhookInbox inbox = inbox(database, blocking).build();
    closing.add(inbox);
    KeepAliveClient client = serve(inbox);
    Instant before = Instant.now().minusMillis(1);
    assertEquals(200, client.post(Recorder.SECRET, Recorder.event("here-1")).status());

    List<Row> rows = rows(database);
    assertEquals(1, rows.size(), rows.toString());
    Row row = rows.get(0);
    assertTrue(row.picked(), "stored claimed: " + row);
    assertTrue(row.pickedBy().endsWith(thisNode()), "by this node: " + row);
    assertEquals(1, row.version(), "claimed by the intake, not by a claim statement (which would make it 2): " + row);
    assertNotNull(row.heartbeat(), "with a heartbeat, as a claim leaves it");
    assertTrue(!row.heartbeat().isBefore(before), row.heartbeat() + " is the intake's time");
    until(() -> started.containsKey("here-1"), "the handler started");
    assertTrue(started.get("here-1").startsWith("hrflow-inbox-worker-"), started.toString());

    release.countDown();
    blocking.await(done -> done.containsKey("here-1"), Duration.ofSeconds(5), "the handler returned");
    awaitRows(database, 0);
    assertEquals(1, blocking.attempts.get("here-1").get(), "once");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void anEventThatFailsHereIsRetriedThroughTheQueueThenDead(String kind) throws Exception {
    DataSource database = database(kind);
    WebhookInbox inbox = inbox(database, recorder).maxAttempts(3).retryDelay(Duration.ofMillis(100), Duration.ofMillis(200)).build();
    closing.add(inbox);
    KeepAliveClient client = serve(inbox);
    assertEquals(200, client.post(Recorder.SECRET, Recorder.event("fail-here")).status());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (inbox.stats().dead() < 1) {
      assertTrue(System.nanoTime() < deadline, "dead within 15 s: " + inbox.stats() + ", attempts " + recorder.attempts);
      Thread.sleep(20);
    }
    assertEquals(3, recorder.attempts.get("fail-here").get(), "the first attempt here, two through the queue");
    DeadEvent dead = inbox.deadEvents(1).get(0);
    assertEquals(3, dead.attempts());
    assertTrue(dead.lastError().contains("the downstream ATS is down (fail-here)"), dead.lastError());
    assertEquals(List.of(), rows(database), "no execution left");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void beyondFourTimesItsWorkersANodeStoresEventsForAnyNodeToClaim(String kind) throws Exception {
    DataSource database = database(kind);
    WebhookInbox inbox = inbox(database, blocking).workers(1).build();
    closing.add(inbox);
    KeepAliveClient client = serve(inbox);
    for (int i = 0; i < 10; i++) {
      assertEquals(200, client.post(Recorder.SECRET, Recorder.event("many-" + i)).status());
    }
    List<Row> rows = rows(database);
    assertEquals(10, rows.size());
    assertEquals(4, rows.stream().filter(row -> row.picked() && row.version() == 1).count(), "four claimed at intake (1 worker x 4): " + rows);

    release.countDown();
    blocking.await(done -> done.size() == 10, Duration.ofSeconds(15), "all ten handled");
    awaitRows(database, 0);
    assertTrue(blocking.attempts.values().stream().allMatch(count -> count.get() == 1), "each once: " + blocking.attempts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void closingReleasesTheEventsItHadNotStartedForAnyNodeAtOnce(String kind) throws Exception {
    DataSource database = database(kind);
    WebhookInbox first = inbox(database, blocking).workers(1).build();
    KeepAliveClient client = serve(first);
    for (int i = 0; i < 4; i++) {
      assertEquals(200, client.post(Recorder.SECRET, Recorder.event("queued-" + i)).status());
    }
    until(() -> started.size() == 1, "one handler started, three queued");
    ExecutorService closer = Executors.newSingleThreadExecutor();
    try {
      Future<?> closed = closer.submit(first::close);
      Thread.sleep(300); // close() waits for the running handler
      assertTrue(!closed.isDone(), "close() waits for the running handler");
      release.countDown();
      closed.get(10, TimeUnit.SECONDS);
    } finally {
      closer.shutdownNow();
    }
    assertEquals(1, started.size(), "only the running handler ran: " + started);
    assertEquals(1, blocking.completed.size(), "and finished: " + blocking.attempts);
    List<Row> rows = rows(database);
    assertEquals(3, rows.size(), rows.toString());
    for (Row row : rows) {
      assertTrue(!row.picked() && row.pickedBy() == null, "released: " + row);
      assertNull(row.heartbeat(), "released: " + row);
    }

    long started = System.nanoTime();
    WebhookInbox second = inbox(database, recorder).build();
    closing.add(second);
    recorder.await(done -> done.size() == 3, Duration.ofSeconds(10), "the three released events run at the next start");
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertTrue(tookMillis < WebhookInbox.DEAD_NODE_AFTER.toMillis() / 3, "at once, not after their heartbeat aged: " + tookMillis + " ms");
  }

  /**
   * A worker does not wait for the commit that marks its event done, but no more events than workers
   * are ever handled and not yet marked done: what a node killed at that moment would run twice.
   */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void noMoreEventsThanWorkersAreHandledAndNotYetMarkedDone(String kind) throws Exception {
    AtomicBoolean hold = new AtomicBoolean();
    DataSource database = holdingWorkers(database(kind), hold);
    WebhookInbox inbox = inbox(database, blocking).workers(4).build();
    closing.add(inbox);
    KeepAliveClient client = serve(inbox);
    for (int i = 0; i < 8; i++) {
      assertEquals(200, client.post(Recorder.SECRET, Recorder.event("unsettled-" + i)).status());
    }
    until(() -> started.size() == 4, "four handlers started, four events queued");
    hold.set(true); // from now on, a worker that would commit waits: marking done is held back
    try {
      release.countDown(); // the four handlers return; their completions wait for the database
      Thread.sleep(500);
      assertEquals(4, started.size(), "no fifth handler starts while four handled events are not marked done: " + started.keySet());
    } finally {
      hold.set(false);
    }
    blocking.await(done -> done.size() == 8, Duration.ofSeconds(15), "all eight handled");
    awaitRows(database, 0);
    assertTrue(blocking.attempts.values().stream().allMatch(count -> count.get() == 1), "each once: " + blocking.attempts);
  }

  /** Whether a thread of this name commits completions: a worker (H2), or a commit thread (PostgreSQL). */
  private static boolean committing(String thread) {
    return thread.startsWith("hrflow-inbox-worker") || thread.startsWith("hrflow-inbox-commit-");
  }

  /** {@code target}, whose connections the threads that commit completions wait for while {@code hold} is set. */
  private static DataSource holdingWorkers(DataSource target, AtomicBoolean hold) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("getConnection") && committing(Thread.currentThread().getName())) {
                while (hold.get()) {
                  Thread.sleep(5);
                }
              }
              try {
                return method.invoke(target, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2"})
  void theNodeKeepsTheHeartbeatOfTheEventsItRuns(String kind) throws Exception {
    DataSource database = database(kind);
    WebhookInbox inbox = inbox(database, blocking).build();
    closing.add(inbox);
    KeepAliveClient client = serve(inbox);
    assertEquals(200, client.post(Recorder.SECRET, Recorder.event("long-1")).status());
    Instant stored = rows(database).get(0).heartbeat();
    Thread.sleep(WebhookInbox.HEARTBEAT.toMillis() + 1_500);
    Instant later = rows(database).get(0).heartbeat();
    assertTrue(later.isAfter(stored.plusMillis(WebhookInbox.HEARTBEAT.toMillis() / 2)), "heartbeat " + stored + " then " + later);
  }

  private static void until(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
      Thread.sleep(10);
    }
  }

  private static void awaitRows(DataSource database, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (rows(database).size() != count) {
      assertTrue(System.nanoTime() < deadline, "executions left: " + rows(database));
      Thread.sleep(20);
    }
  }
}
