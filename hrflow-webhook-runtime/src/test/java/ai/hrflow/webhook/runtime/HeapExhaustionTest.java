package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unauthenticated heap exhaustion, tried as an attacker would, in a JVM with a 256 MiB heap (see the
 * pom): 150 connections each declaring a 5 MiB body and sending all of it but the last byte, then
 * holding, and connecting again when cut off; without a signature, and with a well-formed hex
 * signature that does not match. During the attack a valid signed event is answered within a second
 * (200, or 503 for a body-signed one while the bytes of bodies in memory are at their bound), and
 * after it 200 within a second; no thread dies of {@code OutOfMemoryError}.
 */
class HeapExhaustionTest {

  private static final int CONNECTIONS = 150;
  private static final int BODY = 5 * 1024 * 1024;
  private static final long ATTACK_MILLIS = 6_000;

  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private Thread.UncaughtExceptionHandler before;

  @BeforeEach
  void watchForUncaughtErrors() {
    before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught.add(failure));
  }

  @AfterEach
  void restore() {
    Thread.setDefaultUncaughtExceptionHandler(before);
  }

  @ParameterizedTest(name = "signature: {0}")
  @ValueSource(strings = {"none", "wrong hex"})
  void aHundredAndFiftyConnectionsHoldingFiveMegabytesEachCannotTakeTheEndpointDown(String signature) throws Exception {
    assertTrue(Runtime.getRuntime().maxMemory() <= 300L << 20, "runs with -Xmx256m: " + Runtime.getRuntime().maxMemory());
    CountingHandler handler = new CountingHandler();
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(handler.dispatcher()).build();
    List<Long> duringMillis = new ArrayList<>();
    Set<String> acknowledged = new java.util.HashSet<>();
    try (WebhookServer server = WebhookServer.builder().host("127.0.0.1").port(0).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      for (SignatureScheme scheme : List.of(SignatureScheme.SIGNED_HEX, SignatureScheme.BODY_HEX)) {
        // A server under attack has served before: the first request of a JVM measures its start-up.
        assertEquals(200, client.postSigned(scheme, Signed.SECRET, CountingHandler.event("before-" + scheme)).statusCode());
        acknowledged.add("before-" + scheme);
      }
      String head =
          "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + BODY + "\r\n"
              + (signature.equals("none") ? "" : WebhookSigner.HEADER_NAME + ": " + "ab".repeat(32) + "\r\n");
      int probe = 0;
      try (Attack attack = new Attack(server.port()).sendingBodies(CONNECTIONS, head, BODY - 1)) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ATTACK_MILLIS);
        Thread.sleep(1_000); // the attackers connect and fill their buffers
        while (System.nanoTime() < end) {
          for (SignatureScheme scheme : List.of(SignatureScheme.SIGNED_HEX, SignatureScheme.BODY_HEX)) {
            long started = System.nanoTime();
            String key = "during-" + probe++;
            HttpResponse<String> response = client.postSigned(scheme, Signed.SECRET, CountingHandler.event(key));
            if (response.statusCode() == 200) {
              acknowledged.add(key);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            duringMillis.add(millis);
            Set<Integer> allowed = scheme == SignatureScheme.SIGNED_HEX ? Set.of(200) : Set.of(200, 503);
            assertTrue(allowed.contains(response.statusCode()), scheme + " during the attack: " + response.statusCode() + " " + response.body());
            assertTrue(millis < 1_000, scheme + " during the attack took " + millis + " ms");
          }
          Thread.sleep(250);
        }
        assertTrue(attack.connections() >= CONNECTIONS, "the attack ran: " + attack.connections() + " connections");
      }
      for (SignatureScheme scheme : List.of(SignatureScheme.SIGNED_HEX, SignatureScheme.BODY_HEX)) {
        long started = System.nanoTime();
        HttpResponse<String> after = client.postSigned(scheme, Signed.SECRET, CountingHandler.event("after-" + scheme));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(200, after.statusCode(), scheme + " after the attack: " + after.body());
        acknowledged.add("after-" + scheme);
        assertTrue(millis < 1_000, scheme + " after the attack took " + millis + " ms");
      }
    }
    assertEquals(List.of(), uncaught, "threads that died");
    assertEquals(acknowledged, handler.completed.keySet(), "handled exactly what was acknowledged");
    System.out.println("HeapExhaustionTest, signature " + signature + ": valid requests during the attack took " + duringMillis + " ms");
  }
}
