package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What goes wrong in production: failing handlers, vanishing and stalling clients, restarts under load. */
class FaultsTest {

  /** The request time-out of the servers these tests start. */
  private static final long TIMEOUT_MILLIS = 2000;

  @Test
  void failedHandlerGets500AndTheRetriedRequestIsHandled() throws Exception {
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    Set<String> handled = ConcurrentHashMap.newKeySet();
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .secret(Signed.SECRET)
            .dispatcher(
                new WithoutFallbackHooksDispatcher(
                    (ProfilePayload event) -> {
                      if (failedOnce.add(event.profile().key())) {
                        throw new IllegalStateException("database unavailable");
                      }
                      handled.add(event.profile().key());
                    }))
            .build();
    try (WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      String event = CountingHandler.event("retried");
      assertEquals(500, client.postSigned(event).statusCode());
      assertEquals(Set.of(), handled);
      assertEquals(200, client.postSigned(event).statusCode(), "the sender's retry");
      assertEquals(Set.of("retried"), handled);
    }
  }

  @Test
  void clientThatDisconnectsMidBodyCausesNoDispatch() throws Exception {
    CountingHandler handler = new CountingHandler();
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(handler.dispatcher()).build();
    try (WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start()) {
      byte[] body = CountingHandler.event("half-sent").getBytes(StandardCharsets.UTF_8);
      String signature = WebhookSigner.sign(SignatureScheme.BODY_HEX, Signed.SECRET, body);
      for (int i = 0; i < 20; i++) {
        try (Socket socket = new Socket("localhost", server.port())) {
          OutputStream out = socket.getOutputStream();
          out.write(
              ("POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n" + WebhookSigner.HEADER_NAME + ": " + signature + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
          out.write(body, 0, body.length / 2);
          out.flush();
        }
      }
      HttpTestClient client = new HttpTestClient(server.port());
      assertEquals(200, client.postSigned(CountingHandler.event("complete")).statusCode());
      Thread.sleep(200);
      assertEquals(Set.of("complete"), handler.completed.keySet());
    }
  }

  @Test
  void hundredStalledClientsDoNotDelayValidRequestsBeyondTheTimeout() throws Exception {
    CountingHandler handler = new CountingHandler();
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(handler.dispatcher()).build();
    List<Socket> stalled = new ArrayList<>();
    try (WebhookServer server = WebhookServer.builder().port(0).requestTimeout(Duration.ofMillis(TIMEOUT_MILLIS)).receiver(receiver).start()) {
      for (int i = 0; i < 100; i++) {
        Socket socket = new Socket("localhost", server.port());
        String partial =
            i % 2 == 0
                ? "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Le" // stalls inside the headers
                : "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"type\":"; // stalls inside the body
        socket.getOutputStream().write(partial.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        stalled.add(socket);
      }
      Thread.sleep(100);
      HttpTestClient client = new HttpTestClient(server.port());
      long worst = 0;
      for (int i = 0; i < 10; i++) {
        long started = System.nanoTime();
        HttpResponse<String> response = client.postSigned(CountingHandler.event("valid-" + i));
        if (response.statusCode() == 503) {
          // Waited for a worker so long that the JDK's time-out may have closed the connection: refused
          // unhandled, so a sender's retry (made at once here) is handled exactly once.
          response = client.postSigned(CountingHandler.event("valid-" + i));
        }
        worst = Math.max(worst, (System.nanoTime() - started) / 1_000_000);
        assertEquals(200, response.statusCode());
      }
      assertTrue(worst <= TIMEOUT_MILLIS + 1_500, "slowest valid request took " + worst + " ms; time-out " + TIMEOUT_MILLIS + " ms");
      assertEquals(10, handler.completed.size());
      handler.completed.forEach((key, count) -> assertEquals(1, count.get(), key + " handled once"));
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  @Test
  void closeUnderLoadLosesNothingAcknowledgedAndHandlesNothingUnacknowledged() throws Exception {
    CountingHandler handler = new CountingHandler();
    handler.workMillis = 5;
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(handler.dispatcher()).build();
    WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start();
    HttpTestClient client = new HttpTestClient(server.port());
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<String> refused = ConcurrentHashMap.newKeySet();
    AtomicBoolean sending = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(20);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      int clientId = c;
      running.add(
          clients.submit(
              () -> {
                for (int n = 0; sending.get(); n++) {
                  String key = "client-" + clientId + "-" + n;
                  try {
                    HttpResponse<String> response = client.postSigned(CountingHandler.event(key));
                    (response.statusCode() == 200 ? acknowledged : refused).add(key);
                  } catch (java.io.IOException connectionRefusedOrReset) {
                    refused.add(key);
                    Thread.sleep(5);
                  }
                }
                return null;
              }));
    }
    Thread.sleep(1_000);
    long closing = System.nanoTime();
    server.close();
    assertTrue((System.nanoTime() - closing) / 1_000_000 < 5_000, "close drained promptly");
    Thread.sleep(300);
    sending.set(false);
    for (Future<?> future : running) {
      future.get(30, TimeUnit.SECONDS);
    }
    clients.shutdown();

    assertTrue(acknowledged.size() > 20, "load ran before the close");
    assertTrue(refused.size() > 0, "requests after the close were refused");
    assertEquals(acknowledged, handler.completed.keySet(), "handled exactly what was acknowledged");
    handler.completed.forEach((key, count) -> assertEquals(1, count.get(), key));
  }
}
