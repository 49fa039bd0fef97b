package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own (see the pom): the application creates a JDK {@code HttpServer} of its
 * own before the webhook server, so that the JDK has read its settings (request time-out and all)
 * before the library could set any. The library's deadline holds anyway, and its start-up lines say
 * what is in effect and warn about what may not be.
 */
class JdkServerFirstTest {

  @Test
  void theRequestDeadlineHoldsWhenAnotherJdkServerStartedFirst() throws Exception {
    HttpServer metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    metrics.start();
    List<String> lines = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (lines) {
              lines.add(record.getLevel() + " " + java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger.getLogger("ai.hrflow.webhook").addHandler(capture);
    CountingHandler handler = new CountingHandler();
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(handler.dispatcher()).build();
    try (WebhookServer server =
            WebhookServer.builder().host("127.0.0.1").port(0).requestTimeout(Duration.ofSeconds(2)).receiver(receiver).start();
        Socket stalled = new Socket("127.0.0.1", server.port())) {
      stalled.getOutputStream().write("POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Le".getBytes(StandardCharsets.ISO_8859_1));
      stalled.getOutputStream().flush();
      stalled.setSoTimeout(10_000);
      long started = System.nanoTime();
      InputStream in = stalled.getInputStream();
      int read;
      try {
        read = in.read();
      } catch (java.net.SocketException reset) {
        read = -1;
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertEquals(-1, read, "the stalled connection is closed, not answered");
      assertTrue(millis >= 1_500 && millis < 4_000, "cut off after " + millis + " ms; the deadline is 2 s");
      assertEquals(200, new HttpTestClient(server.port()).postSigned(CountingHandler.event("valid")).statusCode());
    } finally {
      Logger.getLogger("ai.hrflow.webhook").removeHandler(capture);
      metrics.stop(0);
    }
    synchronized (lines) {
      assertTrue(lines.stream().anyMatch(line -> line.startsWith("INFO webhook server listening on") && line.contains("a client has 2 s to send a request")), lines.toString());
      assertTrue(lines.stream().anyMatch(line -> line.startsWith("WARNING another JDK HTTP server runs in this JVM")), lines.toString());
    }
  }
}
