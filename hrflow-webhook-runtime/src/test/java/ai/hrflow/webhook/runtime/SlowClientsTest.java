package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Slow clients, tried as an attacker would, on whatever JDK runs the tests (17, and 25 in the pom's
 * second run): with 100 and with 1,000 clients that send part of a request and stall, and with 150
 * that send one byte and reconnect when cut off, a valid signed request is answered 200 in under a
 * second; a call that must be refused for want of memory is refused at once, not after a stalled
 * body; and once the attackers leave, threads and connections return to their idle count.
 */
class SlowClientsTest {

  private static final String SIGNED_BODY_HEAD =
      "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n"
          + WebhookSigner.HEADER_NAME + ": " + "ab".repeat(32) + "\r\n\r\n{\"type\":";

  @Test
  void aHundredStalledClientsDelayNothing() throws Exception {
    stalledClientsDelayNothing(100);
  }

  @Test
  void aThousandStalledClientsDelayNothingAndLeaveNothingBehind() throws Exception {
    CountingHandler handler = new CountingHandler();
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(handler.dispatcher()).build();
    try (WebhookServer server = WebhookServer.builder().host("127.0.0.1").port(0).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      warmUp(client);
      int threadsBefore = liveThreads();
      int descriptorsBefore = Attack.openFileDescriptors();
      try (Attack attack = new Attack(server.port())) {
        attack.stalling(500, "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Le"); // inside the headers
        attack.stalling(500, SIGNED_BODY_HEAD); // inside a body the server must read to check its signature
        Thread.sleep(500);
        probe(client, 5, "thousand");
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline && (liveThreads() > threadsBefore + 2 || Attack.openFileDescriptors() > descriptorsBefore + 4)) {
        Thread.sleep(200);
      }
      assertTrue(liveThreads() <= threadsBefore + 2, "threads: " + threadsBefore + " before, " + liveThreads() + " after");
      assertTrue(Attack.openFileDescriptors() <= descriptorsBefore + 4, "descriptors: " + descriptorsBefore + " before, " + Attack.openFileDescriptors() + " after");
      assertEquals(200, client.postSigned(CountingHandler.event("after")).statusCode());
    }
  }

  @Test
  void aHundredAndFiftyClientsSendingOneByteAndReconnectingDelayNothing() throws Exception {
    CountingHandler handler = new CountingHandler();
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(handler.dispatcher()).build();
    try (WebhookServer server = WebhookServer.builder().host("127.0.0.1").port(0).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      warmUp(client);
      try (Attack attack = new Attack(server.port()).sendingOneByte(150)) {
        Thread.sleep(1_000);
        probe(client, 5, "one-byte");
        assertTrue(attack.connections() >= 150, "the attack ran: " + attack.connections());
      }
    }
  }

  @Test
  void aCallRefusedForWantOfMemoryIsRefusedAtOnce() throws Exception {
    CountingHandler handler = new CountingHandler();
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(handler.dispatcher()).build();
    try (WebhookServer server = WebhookServer.builder().host("127.0.0.1").port(0).maxBufferedBytes(10_000_000).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      warmUp(client);
      try (Attack attack = new Attack(server.port())) {
        attack.stalling(3, SIGNED_BODY_HEAD); // two of them hold the 10 MB between them
        Thread.sleep(500);
        long started = System.nanoTime();
        HttpResponse<String> refused = client.postSigned(SignatureScheme.BODY_HEX, Signed.SECRET, CountingHandler.event("no-room"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertTrue(millis < 1_000, "the 503 took " + millis + " ms");
        probe(client, 3, "signed-in-header"); // needs no memory for its body: served
      }
    }
  }

  private static void stalledClientsDelayNothing(int clients) throws Exception {
    CountingHandler handler = new CountingHandler();
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(handler.dispatcher()).build();
    try (WebhookServer server = WebhookServer.builder().host("127.0.0.1").port(0).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      warmUp(client);
      try (Attack attack = new Attack(server.port())) {
        attack.stalling(clients / 2, "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Le");
        attack.stalling(clients / 2, SIGNED_BODY_HEAD);
        Thread.sleep(500);
        probe(client, 5, "stalled-" + clients);
      }
    }
  }

  /** Sends {@code count} valid signed events, each answered 200 within a second. */
  private static void probe(HttpTestClient client, int count, String name) throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long started = System.nanoTime();
      HttpResponse<String> response = client.postSigned(CountingHandler.event(name + "-" + i));
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      millis.add(took);
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(took < 1_000, name + ": a valid request took " + took + " ms; all so far " + millis);
    }
    System.out.println("SlowClientsTest, " + name + ": valid requests took " + millis + " ms");
  }

  /** A server under attack has served before: the first request of a JVM measures its start-up. */
  private static void warmUp(HttpTestClient client) throws Exception {
    for (int i = 0; i < 3; i++) {
      client.postSigned(CountingHandler.event("warm-up-" + i));
    }
  }

  /** Platform threads alive (virtual ones end with their request; their carriers are a fixed pool). */
  private static int liveThreads() {
    return Thread.getAllStackTraces().size();
  }
}
