package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logging and the threads requests run on: what an operator sees. */
class OperationsTest {

  private static final String PAYLOAD_MARKER = "Ada-Lovelace-private-data";

  private final List<LogRecord> records = new ArrayList<>();
  private final Logger logger = Logger.getLogger("ai.hrflow.webhook");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (records) {
            records.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLogs() {
    logger.addHandler(capture);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void releaseLogs() {
    logger.removeHandler(capture);
  }

  @Test
  void aDeliveryWritesNothingAtTheDefaultLevelAndOneDebugLineWhenAskedFor() throws Exception {
    WebhookReceiver receiver =
        WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(new WithoutFallbackHooksDispatcher(event -> {})).build();
    String json = "{\"type\":\"profile.parsing.success\",\"profile\":{\"info\":{\"full_name\":\"" + PAYLOAD_MARKER + "\"}}}";
    String signature = WebhookSigner.sign(SignatureScheme.SIGNED_HEX, Signed.SECRET, json);
    try (WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      records.clear();
      assertEquals(200, client.postSigned(json).statusCode());
      assertEquals(List.of(), messages(), "a delivery at the default level (INFO)");

      logger.setLevel(Level.FINE); // System.Logger's DEBUG
      assertEquals(200, client.postSigned(json).statusCode());
    }
    List<String> lines = messages();
    assertEquals(1, lines.stream().filter(line -> line.startsWith("webhook 200")).count(), lines.toString());
    assertTrue(lines.get(0).startsWith("webhook 200 1 event [profile.parsing.success] SIGNED_HEX in "), lines.get(0));
    assertEquals(Level.FINE, records.get(0).getLevel());
    assertNoSecretSignatureOrPayload(lines, signature);
  }

  @Test
  void refusalsAreLoggedAtInfoAtMostOncePerReasonPerInterval() throws Exception {
    AtomicLong clock = new AtomicLong();
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .secret(Signed.SECRET)
            .dispatcher(new WithoutFallbackHooksDispatcher(event -> {}))
            .refusalLogging(Duration.ofMinutes(1), clock::get)
            .build();
    String json = "{\"type\":\"profile.parsing.success\",\"profile\":{\"info\":{\"full_name\":\"" + PAYLOAD_MARKER + "\"}}}";
    String signature = WebhookSigner.sign(SignatureScheme.SIGNED_HEX, "wrong-secret", json);
    try (WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      records.clear();
      for (int i = 0; i < 50; i++) {
        assertEquals(401, client.postSigned(SignatureScheme.SIGNED_HEX, "wrong-secret", json).statusCode());
      }
      assertEquals(400, client.postSigned("{\"type\":" + PAYLOAD_MARKER + "}").statusCode());
      assertEquals(404, client.send(HttpRequest.newBuilder(client.uri("/other")).build()).statusCode());
      List<String> burst = messages();
      assertEquals(3, burst.size(), burst.toString());
      assertTrue(burst.get(0).startsWith("webhook 401 signature does not match in "), burst.get(0));
      assertTrue(burst.get(1).startsWith("webhook 400 payload is not valid JSON"), burst.get(1));
      assertEquals("webhook 404 not the webhook path: GET /other", burst.get(2));
      for (LogRecord record : records) {
        assertEquals(Level.INFO, record.getLevel());
      }

      clock.addAndGet(Duration.ofMinutes(1).toNanos());
      assertEquals(401, client.postSigned(SignatureScheme.SIGNED_HEX, "wrong-secret", json).statusCode());
    }
    List<String> lines = messages().stream().filter(line -> line.startsWith("webhook 4")).toList();
    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(3).endsWith(" (49 more like it not logged; at most one line per 60 s)"), lines.get(3));
    assertNoSecretSignatureOrPayload(lines, signature);
  }

  @Test
  void aHandlerFailureIsAWarningWithItsStackTrace() throws Exception {
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .secret(Signed.SECRET)
            .dispatcher(new WithoutFallbackHooksDispatcher(event -> {
              throw new IllegalStateException("the CRM is down");
            }))
            .build();
    try (WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start()) {
      records.clear();
      assertEquals(500, new HttpTestClient(server.port()).postSigned(Signed.event("profile.parsing.success")).statusCode());
    }
    LogRecord failure = records.stream().filter(record -> record.getLevel() == Level.WARNING).findFirst().orElseThrow();
    assertEquals("handler for profile.parsing.success (event 0) failed", failure.getMessage());
    assertEquals("the CRM is down", failure.getThrown().getMessage());
    assertTrue(failure.getThrown().getStackTrace().length > 0);
  }

  private static void assertNoSecretSignatureOrPayload(List<String> lines, String signature) {
    for (String line : lines) {
      assertFalse(line.contains(Signed.SECRET), line);
      assertFalse(line.contains(signature.substring(0, 20)), line);
      assertFalse(line.contains(PAYLOAD_MARKER), line);
    }
  }

  @Test
  void requestsRunOnVirtualThreadsFromJava21AndOnTheBoundedPoolBefore() throws Exception {
    AtomicReference<Thread> handlerThread = new AtomicReference<>();
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .secret(Signed.SECRET)
            .dispatcher(new WithoutFallbackHooksDispatcher((ProfilePayload event) -> handlerThread.set(Thread.currentThread())))
            .build();
    try (WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start()) {
      assertEquals(200, new HttpTestClient(server.port()).postSigned(Signed.event("profile.parsing.success")).statusCode());
    }
    boolean virtual = (boolean) isVirtual(handlerThread.get());
    assertEquals(Runtime.version().feature() >= 21, virtual);
    if (!virtual) {
      assertTrue(handlerThread.get().getName().startsWith("hrflow-webhook-"), handlerThread.get().getName());
    }
  }

  private static Object isVirtual(Thread thread) throws Exception {
    try {
      return Thread.class.getMethod("isVirtual").invoke(thread);
    } catch (NoSuchMethodException beforeJava21) {
      return false;
    }
  }

  private List<String> messages() {
    synchronized (records) {
      List<String> lines = new ArrayList<>();
      for (LogRecord record : records) {
        String message = record.getMessage();
        if (record.getParameters() != null) {
          message = java.text.MessageFormat.format(message, record.getParameters());
        }
        lines.add(message);
      }
      return lines;
    }
  }
}
