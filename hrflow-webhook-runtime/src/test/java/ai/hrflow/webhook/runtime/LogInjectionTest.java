package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.internal.log.LogText;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Values from the network reach the log escaped and cut: no one can forge a log line, move a
 * terminal's cursor, or write a 370 KB line, with or without a signature.
 */
class LogInjectionTest {

  private final List<String> lines = new ArrayList<>();
  private final Logger logger = Logger.getLogger("ai.hrflow.webhook");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (lines) {
            lines.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
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
    logger.setLevel(Level.FINE);
  }

  @AfterEach
  void releaseLogs() {
    logger.removeHandler(capture);
    logger.setLevel(null);
  }

  @Test
  void methodsPathsAndTypesAreLoggedEscapedAndCut() throws Exception {
    WebhookReceiver receiver =
        WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(new WithoutFallbackHooksDispatcher(event -> {})).build();
    try (WebhookServer server = WebhookServer.builder().port(0).receiver(receiver).start()) {
      HttpTestClient client = new HttpTestClient(server.port());
      client.raw("PO\nST\u001b[2J\u001b[31m /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n", new byte[0], 3_000);
      client.raw("X".repeat(370_000) + " /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n", new byte[0], 3_000);
      client.raw("GET /other%0A%1B%5B2Jwebhook%20200%20forged" + "p".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n", new byte[0], 3_000);
      assertEquals(200, client.postSigned("{\"type\":\"profile.forged\\n\\u001b[2Jwebhook 200 forged\",\"message\":\"m\"}").statusCode());
    }
    List<String> logged;
    synchronized (lines) {
      logged = List.copyOf(lines);
    }
    assertTrue(logged.stream().anyMatch(line -> line.equals("webhook 405 not POST: (unknown method) /webhooks")), logged.toString());
    assertTrue(logged.stream().anyMatch(line -> line.startsWith("webhook 404 not the webhook path: GET /other%0A%1B%5B2Jwebhook%20200%20forgedppp") && line.endsWith("more characters)")), logged.toString());
    assertTrue(logged.stream().anyMatch(line -> line.contains("[profile.forged\\u000a\\u001b[2Jwebhook 200 forged]")), logged.toString());
    for (String line : logged) {
      assertTrue(line.length() < 1_000, "a line of " + line.length() + " characters");
      assertFalse(line.chars().anyMatch(c -> c < 0x20 || c == 0x7f), "a control character in: " + line);
    }
  }

  @Test
  void logTextEscapesWhatCouldForgeOrHideAndCutsWhatIsLong() {
    assertEquals("plain text, accents é, CJK 漢", LogText.of("plain text, accents é, CJK 漢"));
    assertEquals("a\\u000ab\\u000dc\\u001b[0m\\u0000", LogText.of("a\nb\rc\u001b[0m\u0000"));
    assertEquals("right-to-left \\u202e override, next line \\u2028 and \\u0085", LogText.of("right-to-left \u202e override, next line \u2028 and \u0085"));
    assertEquals("a lone \\ud800 surrogate, a pair \uD83D\uDE00", LogText.of("a lone \ud800 surrogate, a pair \uD83D\uDE00"));
    assertEquals("a fake \\u005cu000a escape", LogText.of("a fake \\u000a escape"));
    assertEquals("xxxxx...(5 more characters)", LogText.of("x".repeat(10), 5));
  }
}
