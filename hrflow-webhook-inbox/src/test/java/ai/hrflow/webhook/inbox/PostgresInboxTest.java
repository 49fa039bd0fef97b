package ai.hrflow.webhook.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.EventInbox;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.runtime.testhooks.KeepAliveClient;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox on a real PostgreSQL server, started by the test. */
class PostgresInboxTest {

  private HikariDataSource pool;
  private final Recorder recorder = new Recorder();

  @BeforeEach
  void database() throws Exception {
    PostgresServer server = PostgresServer.shared();
    pool = server.pool(server.newDatabase(), 20);
  }

  @AfterEach
  void closePool() {
    if (pool != null) {
      pool.close();
    }
  }

  @Test
  void eventsAreStoredHandledRetriedBuriedAndReplayed() throws Exception {
    try (WebhookInbox inbox =
            WebhookInbox.builder()
                .dataSource(pool)
                .dispatcher(recorder.dispatcher())
                .maxAttempts(2)
                .retryDelay(Duration.ofMillis(200), Duration.ofMillis(200))
                .pollingInterval(Duration.ofMillis(100))
                .build();
        WebhookServer server = serve(inbox);
        KeepAliveClient client = new KeepAliveClient(server.port(), "/webhooks")) {
      assertTrue(inbox.toString().contains("PostgreSQL"), inbox.toString());
      for (int i = 0; i < 10; i++) {
        assertEquals(200, client.post(Recorder.SECRET, Recorder.event("pg-" + i)).status());
      }
      assertEquals(200, client.post(Recorder.SECRET, Recorder.event("fail-pg")).status());
      recorder.await(done -> done.size() == 10, Duration.ofSeconds(10), "ten events handled");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while ((inbox.stats().dead() == 0 || inbox.stats().pending() > 0) && System.nanoTime() < deadline) {
        Thread.sleep(50); // a handler returns before its worker marks the event done
      }
      InboxStats stats = inbox.stats();
      assertEquals(1, stats.dead(), stats.toString());
      assertEquals(0, stats.pending(), stats.toString());
      assertEquals(2, recorder.attempts.get("fail-pg").get());
      assertEquals(1, InboxAdmin.of(pool).deadEvents(5).size(), "the admin view sees the same dead event");

      recorder.failing = false;
      assertEquals(1, InboxAdmin.of(pool).replayDead(), "replayed without a running scheduler, as the CLI does");
      recorder.await(done -> done.containsKey("fail-pg"), Duration.ofSeconds(10), "the replayed event handled by the running inbox");
      assertEquals(0, inbox.stats().dead());
      awaitNoExecution();
      assertEquals(List.of(), rows("SELECT task_instance FROM hrflow_inbox_task WHERE task_name = 'hrflow-inbox-event'"), "no execution left");
      assertEquals(List.of(), rows("SELECT id FROM hrflow_inbox_event WHERE payload IS NOT NULL"), "handled events keep no payload");
    }
  }

  @Test
  void twoNodesShareDeduplicationAndNeitherRunsAnEventTheOtherRuns() throws Exception {
    Recorder shared = recorder;
    try (WebhookInbox one = WebhookInbox.builder().dataSource(pool).dispatcher(shared.dispatcher()).deduplicate(true).build();
        WebhookInbox two = WebhookInbox.builder().dataSource(pool).dispatcher(shared.dispatcher()).deduplicate(true).build();
        WebhookServer first = serve(one);
        WebhookServer second = serve(two)) {
      ExecutorService senders = Executors.newFixedThreadPool(8);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int s = 0; s < 8; s++) {
        int port = s % 2 == 0 ? first.port() : second.port();
        Callable<Integer> send =
            () -> {
              int ok = 0;
              try (KeepAliveClient client = new KeepAliveClient(port, "/webhooks")) {
                for (int i = 0; i < 50; i++) {
                  ok += client.post(Recorder.SECRET, Recorder.event("shared-" + i)).status() == 200 ? 1 : 0;
                }
              }
              return ok;
            };
        answers.add(senders.submit(send));
      }
      for (Future<Integer> answer : answers) {
        assertEquals(50, answer.get(60, TimeUnit.SECONDS), "every delivery acknowledged");
      }
      senders.shutdown();
      shared.await(done -> done.size() == 50, Duration.ofSeconds(20), "fifty events handled");
      Thread.sleep(1000);
      assertEquals(List.of("50"), rows("SELECT COUNT(*) FROM hrflow_inbox_event"), "400 deliveries of 50 events, stored once each");
      assertTrue(shared.attempts.values().stream().allMatch(count -> count.get() == 1), "each handled once: " + shared.attempts);
    }
  }

  @Test
  void aRequestIsStoredAllOrNone() throws Exception {
    try (WebhookInbox inbox = WebhookInbox.builder().dataSource(pool).dispatcher(recorder.dispatcher()).build();
        WebhookServer server = serve(inbox);
        KeepAliveClient client = new KeepAliveClient(server.port(), "/webhooks")) {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE FUNCTION refuse_marked() RETURNS trigger AS $$ BEGIN IF position('refuse-me' in convert_from(NEW.task_data, 'UTF8')) > 0"
                + " THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        // the middle event's execution is refused, after its event row and the first event's rows went in
        statement.execute("CREATE TRIGGER refuse_marked BEFORE INSERT ON hrflow_inbox_task FOR EACH ROW EXECUTE FUNCTION refuse_marked()");
      }
      String batch = "[" + Recorder.event("kept-1") + "," + Recorder.event("refuse-me") + "," + Recorder.event("kept-2") + "]";
      KeepAliveClient.Answer refused = client.post(Recorder.SECRET, batch);
      assertEquals(503, refused.status(), refused.body());
      assertEquals(List.of("0"), rows("SELECT COUNT(*) FROM hrflow_inbox_event"), "the first event was not kept");
      assertEquals(List.of("0"), rows("SELECT COUNT(*) FROM hrflow_inbox_task WHERE task_name = 'hrflow-inbox-event'"));
      Thread.sleep(1100); // past the second in which intake fails fast
      assertEquals(200, client.post(Recorder.SECRET, "[" + Recorder.event("kept-1") + "," + Recorder.event("kept-2") + "]").status());
      recorder.await(done -> done.size() == 2, Duration.ofSeconds(10), "the two events handled");
      assertEquals(List.of(), List.copyOf(recorder.attempts.keySet().stream().filter(key -> key.startsWith("refuse")).toList()));
    }
  }

  @Test
  void withoutDeduplicationAnEventCostsAnEventRowOnlyOnceItsHandlerFails() throws Exception {
    try (WebhookInbox inbox =
            WebhookInbox.builder()
                .dataSource(pool)
                .dispatcher(recorder.dispatcher())
                .maxAttempts(2)
                .retryDelay(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .pollingInterval(Duration.ofMillis(100))
                .build();
        WebhookServer server = serve(inbox);
        KeepAliveClient client = new KeepAliveClient(server.port(), "/webhooks")) {
      for (int i = 0; i < 5; i++) {
        assertEquals(200, client.post(Recorder.SECRET, Recorder.event("lean-" + i)).status());
      }
      recorder.await(done -> done.size() == 5, Duration.ofSeconds(10), "five events handled");
      awaitNoExecution();
      assertEquals(List.of("0"), rows("SELECT COUNT(*) FROM hrflow_inbox_event"), "handled events left no event row");

      assertEquals(200, client.post(Recorder.SECRET, Recorder.event("fail-lean")).status());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (inbox.stats().retrying() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      InboxStats stats = inbox.stats();
      assertEquals(1, stats.pending(), stats.toString());
      assertEquals(1, stats.retrying(), stats.toString());
      assertTrue(stats.oldestPendingAge().compareTo(Duration.ofSeconds(10)) < 0, "age from the time-ordered id: " + stats);
      EventInbox.Entry failed = inbox.snapshot(10).pendingEvents().get(0);
      assertEquals("profile.parsing.success", failed.type());
      assertEquals(1, failed.attempts());
      assertTrue(failed.lastError().contains("the downstream ATS is down (fail-lean)"), failed.lastError());
      assertTrue(Duration.between(failed.receivedAt(), Instant.now()).abs().compareTo(Duration.ofSeconds(10)) < 0, failed.toString());

      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (inbox.stats().dead() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      DeadEvent dead = InboxAdmin.of(pool).deadEvents(5).get(0);
      assertEquals("profile.parsing.success", dead.type());
      assertEquals(2, dead.attempts());
      assertEquals(0, inbox.stats().pending());

      recorder.failing = false;
      assertEquals(1, inbox.replayDead());
      recorder.await(done -> done.containsKey("fail-lean"), Duration.ofSeconds(10), "the replayed event handled");
      awaitNoExecution();
      assertEquals(List.of("DONE"), rows("SELECT status FROM hrflow_inbox_event WHERE payload IS NULL"), "the replayed event's row marked done, without payload");
    }
  }

  private void awaitNoExecution() throws Exception {
    long settled = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!rows("SELECT task_instance FROM hrflow_inbox_task WHERE task_name = 'hrflow-inbox-event'").isEmpty() && System.nanoTime() < settled) {
      Thread.sleep(20); // the execution is removed just after the handler returns
    }
  }

  @Test
  void nodesStartingTogetherCreateTheSchemaOnce() throws Exception {
    ExecutorService starting = Executors.newFixedThreadPool(4);
    List<Future<WebhookInbox>> inboxes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      inboxes.add(starting.submit(() -> WebhookInbox.builder().dataSource(pool).dispatcher(recorder.dispatcher()).build()));
    }
    for (Future<WebhookInbox> inbox : inboxes) {
      inbox.get(60, TimeUnit.SECONDS).close();
    }
    starting.shutdown();
    assertEquals(List.of("hrflow_inbox_event", "hrflow_inbox_task"), rows("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'hrflow%' ORDER BY 1"));
  }

  private WebhookServer serve(WebhookInbox inbox) {
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Recorder.SECRET).dispatcher(recorder.dispatcher()).inbox(inbox).build();
    return WebhookServer.builder().port(0).receiver(receiver).start();
  }

  private List<String> rows(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
