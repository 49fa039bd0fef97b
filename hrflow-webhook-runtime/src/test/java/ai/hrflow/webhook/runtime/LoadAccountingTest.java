package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fifty concurrent HTTP clients send distinct signed events for twenty seconds (set {@code
 * load.seconds} to change), retrying an event whose connection dropped as a sender would: every event
 * answered 2xx reached its handler, nothing else reached it, no 5xx occurred, at most 1% of requests
 * saw a dropped connection, and an event sent once was handled exactly once.
 *
 * <p>An event is handled twice only if its connection dropped and the client sent it again; that is
 * allowed for at most 0.1% of the events. Known, not yet explained: about one run in ten on Java 17,
 * one request among ~30,000 of a run is handled while the client sees its connection close before
 * any answer ({@code HTTP/1.1 header parser received no bytes}); the server now logs a WARNING when
 * it fails to send an answer, to tell a server-side cause from a client-side one next time.
 */
class LoadAccountingTest {

  private static final int CLIENTS = 50;

  @Test
  void everyAcknowledgedEventWasHandledExactlyOnceAndNothingElse() throws Exception {
    long seconds = Long.getLong("load.seconds", 20);
    CountingHandler handler = new CountingHandler();
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(handler.dispatcher()).build();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    Map<String, List<String>> dropped = new ConcurrentHashMap<>(); // event key -> why each attempt dropped
    try (WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int clientId = c;
        running.add(
            clients.submit(
                () -> {
                  for (int n = 0; System.nanoTime() < deadline; n++) {
                    String key = "client-" + clientId + "-event-" + n;
                    HttpResponse<String> response = sendLikeASender(client, key, dropped);
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (response.statusCode() / 100 == 2) {
                      acknowledged.add(key);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : running) {
        future.get(seconds + 60, TimeUnit.SECONDS);
      }
      clients.shutdown();
    }

    assertTrue(acknowledged.size() > CLIENTS * 10, "load actually ran: " + statuses);
    assertEquals(Set.of(), statuses.keySet().stream().filter(status -> status >= 500).collect(Collectors.toSet()), "no 5xx: " + statuses);
    int droppedConnections = dropped.values().stream().mapToInt(List::size).sum();
    assertTrue(droppedConnections * 100 <= acknowledged.size(), droppedConnections + " connections dropped, more than 1%: " + dropped);
    assertEquals(acknowledged, handler.completed.keySet(), "handled exactly the acknowledged events");
    handler.completed.forEach(
        (key, count) -> {
          int deliveries = 1 + dropped.getOrDefault(key, List.of()).size();
          assertTrue(count.get() <= deliveries, key + " handled " + count + " times in " + deliveries + " deliveries; dropped connections: " + dropped);
        });
    long handledTwice = handler.completed.values().stream().filter(count -> count.get() > 1).count();
    assertTrue(handledTwice * 1000 <= acknowledged.size(), handledTwice + " events handled twice, more than 0.1%: " + dropped);
  }

  /**
   * Sends one event as HrFlow would: a connection that drops before an answer (a server may close a
   * connection it cannot serve in time) is retried with the same event, so that an event handled but
   * not acknowledged would show up as handled twice.
   */
  private static HttpResponse<String> sendLikeASender(HttpTestClient client, String key, Map<String, List<String>> dropped)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.postSigned(CountingHandler.event(key));
      } catch (IOException droppedConnection) {
        dropped.computeIfAbsent(key, k -> new ArrayList<>()).add(droppedConnection.toString());
        if (attempt == 3) {
          throw droppedConnection;
        }
      }
    }
  }

}
