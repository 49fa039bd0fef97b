package ai.hrflow.webhook.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.runtime.testhooks.KeepAliveClient;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped (as by a crash) and restarted in the middle of a load: while it is away every
 * request is answered 503 with {@code Retry-After} (never 200) and {@code /healthz} says so; once it
 * is back the receiver stores again without a restart, and every acknowledged event is handled (the
 * senders retry a 503'd event, and deduplication stores it once).
 */
class DatabaseOutageTest {

  @Test
  void aDatabaseOutageIsNeverAcknowledgedAndRecoversByItself() throws Exception {
    Recorder recorder = new Recorder();
    try (PostgresServer postgres = PostgresServer.startNew();
        HikariDataSource pool = postgres.pool(postgres.newDatabase(), 20);
        WebhookInbox inbox = WebhookInbox.builder().dataSource(pool).dispatcher(recorder.dispatcher()).deduplicate(true).build();
        WebhookServer server =
            WebhookServer.builder()
                .port(0)
                .receiver(WebhookReceiver.builder().secret(Recorder.SECRET).dispatcher(recorder.dispatcher()).inbox(inbox).build())
                .start()) {
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      Set<String> sent = ConcurrentHashMap.newKeySet();
      Map<Integer, AtomicInteger> duringOutage = new ConcurrentHashMap<>();
      Set<String> retryAfter = ConcurrentHashMap.newKeySet();
      AtomicBoolean outage = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService senders = Executors.newFixedThreadPool(8);
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < 8; s++) {
        int sender = s;
        running.add(
            senders.submit(
                () -> {
                  try (KeepAliveClient client = new KeepAliveClient(server.port(), "/webhooks")) {
                    int n = 0;
                    while (!stop.get()) {
                      String key = "outage-" + sender + "-" + n;
                      sent.add(key);
                      boolean down = outage.get();
                      KeepAliveClient.Answer answer = client.post(Recorder.SECRET, Recorder.event(key));
                      if (answer.status() == 200) {
                        acknowledged.add(key);
                        n++; // the next event; after a 503 the same one is sent again, as a sender retries
                      } else {
                        retryAfter.add(String.valueOf(answer.retryAfter()));
                        Thread.sleep(50);
                      }
                      if (down && outage.get()) {
                        duringOutage.computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
                      }
                    }
                  }
                  return null;
                }));
      }
      Thread.sleep(2000);
      int before = acknowledged.size();
      postgres.kill(); // returns once the server is gone
      outage.set(true);
      Thread.sleep(1500);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health =
          http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
      Thread.sleep(2000);
      outage.set(false);
      postgres.start();
      int atRestart = acknowledged.size();
      long resumeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); // the pool reconnects with back-off (HikariCP: up to seconds)
      while (acknowledged.size() < atRestart + 200 && System.nanoTime() < resumeDeadline) {
        Thread.sleep(100);
      }
      stop.set(true);
      for (Future<?> sender : running) {
        sender.get(60, TimeUnit.SECONDS);
      }
      senders.shutdown();

      assertTrue(before > 50, "the load ran before the outage: " + before);
      assertEquals(503, health.statusCode(), "/healthz during the outage: " + health.body());
      assertEquals(Set.of(503), duringOutage.keySet(), "only 503s while the database was away: " + duringOutage);
      assertEquals(Set.of("10"), retryAfter, "every 503 says when to retry");
      assertTrue(acknowledged.size() >= atRestart + 200, "storing resumed after the outage: " + atRestart + " then " + acknowledged.size());
      recorder.await(done -> done.keySet().containsAll(acknowledged), WebhookInbox.DEAD_NODE_AFTER.plusSeconds(45), "every acknowledged event handled");
      Set<String> extra = new HashSet<>(recorder.completed.keySet());
      extra.removeAll(sent);
      assertEquals(Set.of(), extra, "only events that were sent were handled");
      Set<String> unacknowledged = new HashSet<>(recorder.completed.keySet());
      unacknowledged.removeAll(acknowledged);
      // A commit whose answer the database never sent (it died in between) is answered 503, may still be
      // stored, and is handled; its sender retries it, and deduplication stores that once. Only the
      // event each sender was retrying when the test stopped can be handled without an acknowledgement.
      assertTrue(unacknowledged.size() <= 8, "handled without an acknowledgement: " + unacknowledged);
      Map<String, Integer> twice = new java.util.TreeMap<>();
      recorder.attempts.forEach((key, count) -> {
        if (count.get() > 1) {
          twice.put(key, count.get());
        }
      });
      // A handler that returned while the database was away could not mark its event done: the event
      // runs again once the database is back. At most the events running then, one per worker.
      assertTrue(twice.size() <= WebhookInbox.DEFAULT_WORKERS, "handled twice: " + twice);
      // A handler that returned while the database was away left its event pending: it runs again
      // once its execution's heartbeat is old enough, like a dead node's.
      long settled = System.nanoTime() + WebhookInbox.DEAD_NODE_AFTER.plusSeconds(30).toNanos();
      while (inbox.stats().pending() > 0 && System.nanoTime() < settled) {
        Thread.sleep(100);
      }
      assertEquals(0, inbox.stats().pending());
    }
  }
}
