package ai.hrflow.webhook.runtime.testhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A local HTTP server that plays HrFlow's API with the documented bodies, and records what it got. */
public final class FakeHrFlow implements AutoCloseable {

  /** One request as HrFlow would see it. */
  public record Request(String method, String path, String apiKey, String contentType, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile int status = 200;
  private volatile String body = "{}";
  private volatile boolean hang;
  private volatile boolean trickle;

  public FakeHrFlow() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  /** The base URL to give the client, like {@code https://api.hrflow.ai/v1}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  public FakeHrFlow answers(int status, String body) {
    this.status = status;
    this.body = body;
    return this;
  }

  public FakeHrFlow hangs() {
    this.hang = true;
    return this;
  }

  /** Sends the answer's headers at once, then its body a byte every 300 ms. */
  public FakeHrFlow trickles() {
    this.trickle = true;
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("X-API-KEY"),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            received));
    if (hang) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] answer = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (trickle) {
        for (byte b : answer) {
          out.write(b);
          out.flush();
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      } else {
        out.write(answer);
      }
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
