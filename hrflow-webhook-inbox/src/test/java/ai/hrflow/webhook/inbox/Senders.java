package ai.hrflow.webhook.inbox;

import ai.hrflow.webhook.runtime.testhooks.KeepAliveClient;
import java.io.IOException;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Concurrent senders of distinct signed events, as HrFlow behind a load balancer would send them: each
 * event to one node, again to the next node when the connection fails or the answer is 503, until a
 * 2xx; every tenth event (if asked) is sent once more, after its acknowledgement, to a different node.
 */
final class Senders {

  /** What the senders saw. */
  record Result(Set<String> acknowledged, Set<String> redelivered, Map<Integer, AtomicInteger> statuses, AtomicInteger connectionErrors) {}

  private Senders() {}

  /**
   * Sends for {@code duration} from {@code clients} threads to the nodes whose current ports are in
   * {@code ports} (0 for a node that is down).
   */
  static Result run(int clients, Duration duration, AtomicIntegerArray ports, boolean redeliver, String prefix) throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<String> redelivered = ConcurrentHashMap.newKeySet();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger connectionErrors = new AtomicInteger();
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      running.add(
          threads.submit(
              () -> {
                Map<Integer, KeepAliveClient> connections = new ConcurrentHashMap<>();
                try {
                  for (int n = 0; System.nanoTime() < deadline; n++) {
                    String key = prefix + client + "-" + n;
                    int node = send(key, (client + n) % ports.length(), ports, connections, statuses, connectionErrors, deadline + TimeUnit.SECONDS.toNanos(60));
                    if (node < 0) {
                      break;
                    }
                    acknowledged.add(key);
                    if (redeliver && n % 10 == 0) {
                      if (send(key, (node + 1) % ports.length(), ports, connections, statuses, connectionErrors, deadline + TimeUnit.SECONDS.toNanos(60)) >= 0) {
                        redelivered.add(key);
                      }
                    }
                  }
                } finally {
                  connections.values().forEach(KeepAliveClient::close);
                }
                return null;
              }));
    }
    for (Future<?> future : running) {
      future.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
    }
    threads.shutdown();
    return new Result(acknowledged, redelivered, statuses, connectionErrors);
  }

  /** Sends one event until a node acknowledges it; {@return that node}, or -1 if the time ran out. */
  private static int send(
      String key,
      int first,
      AtomicIntegerArray ports,
      Map<Integer, KeepAliveClient> connections,
      Map<Integer, AtomicInteger> statuses,
      AtomicInteger connectionErrors,
      long giveUp)
      throws InterruptedException {
    String json = Recorder.event(key);
    for (int attempt = 0; System.nanoTime() < giveUp; attempt++) {
      int node = (first + attempt) % ports.length();
      int port = ports.get(node);
      if (port == 0) {
        continue;
      }
      KeepAliveClient connection = connections.computeIfAbsent(port, p -> new KeepAliveClient(p, "/webhooks"));
      try {
        KeepAliveClient.Answer answer = connection.post(Recorder.SECRET, json);
        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        if (answer.status() / 100 == 2) {
          return node;
        }
      } catch (IOException dropped) {
        connectionErrors.incrementAndGet();
        connections.remove(port);
      }
      Thread.sleep(attempt < ports.length() ? 5 : 100);
    }
    return -1;
  }
}
