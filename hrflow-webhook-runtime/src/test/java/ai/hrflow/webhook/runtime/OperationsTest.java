package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import java.util.ArrayList;
import java.util.List;
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
  void logsOneInfoLinePerRequestWithTypesAndOutcomeButNoSecretSignatureOrPayload() throws Exception {
    WebhookReceiver receiver =
        WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(new WithoutFallbackHooksDispatcher(event -> {})).build();
    String json = "{\"type\":\"profile.parsing.success\",\"profile\":{\"info\":{\"full_name\":\"" + PAYLOAD_MARKER + "\"}}}";
    String signature = WebhookSigner.sign(SignatureScheme.SIGNED_HEX, Signed.SECRET, json);
    try (WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      assertEquals(200, client.postSigned(json).statusCode());
      assertEquals(401, client.postSigned(SignatureScheme.SIGNED_HEX, "wrong-secret", json).statusCode());
      assertEquals(400, client.postSigned("{\"type\":" + PAYLOAD_MARKER + "}").statusCode());
    }

    List<String> lines = messages();
    List<String> requestLines = lines.stream().filter(line -> line.startsWith("webhook 2") || line.startsWith("webhook 4")).toList();
    assertEquals(3, requestLines.size(), lines.toString());
    assertTrue(requestLines.get(0).startsWith("webhook 200 1 event [profile.parsing.success] SIGNED_HEX"), requestLines.get(0));
    assertTrue(requestLines.get(1).startsWith("webhook 401 signature does not match"), requestLines.get(1));
    assertTrue(requestLines.get(2).startsWith("webhook 400 payload is not valid JSON"), requestLines.get(2));
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
