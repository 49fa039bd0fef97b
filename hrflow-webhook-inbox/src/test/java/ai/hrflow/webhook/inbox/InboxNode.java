package ai.hrflow.webhook.inbox;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A receiver node in a JVM of its own, for the crash and fleet tests: a server with an inbox on
 * {@code inbox.db} ({@code embedded:<folder>} or a PostgreSQL JDBC URL), whose handler appends each
 * handled profile key, with this node's name, to {@code inbox.handled}. It prints {@code NODE
 * LISTENING <port>} when ready, and closes gracefully when its standard input ends (the tests kill it
 * with SIGKILL instead, to crash it).
 */
public final class InboxNode {

  /** The webhook secret a node verifies with. */
  public static final String SECRET = "inbox-test-secret";

  private InboxNode() {}

  public static void main(String[] args) throws Exception {
    String name = System.getProperty("inbox.name", "node");
    String db = System.getProperty("inbox.db");
    long handlerMillis = Long.getLong("inbox.handlerMillis", 0);
    FileChannel handled =
        FileChannel.open(Path.of(System.getProperty("inbox.handled")), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    WithoutFallbackHooksDispatcher dispatcher =
        new WithoutFallbackHooksDispatcher(
            (ProfilePayload event) -> {
              if (handlerMillis > 0) {
                try {
                  Thread.sleep(handlerMillis);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException("interrupted", e);
                }
              }
              byte[] line = (event.profile().key() + " " + name + "\n").getBytes(StandardCharsets.UTF_8);
              try {
                synchronized (handled) {
                  handled.write(ByteBuffer.wrap(line)); // one write, O_APPEND: survives the process being killed
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    WebhookInbox.Builder builder =
        WebhookInbox.builder()
            .dispatcher(dispatcher)
            .workers(Integer.getInteger("inbox.workers", 4))
            .deduplicate(Boolean.getBoolean("inbox.dedup"));
    HikariDataSource pool = null;
    if (db.startsWith("embedded:")) {
      builder.embedded(Path.of(db.substring("embedded:".length())));
    } else {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(db);
      config.setMaximumPoolSize(Integer.getInteger("inbox.pool", 40));
      config.setConnectionTimeout(5_000);
      pool = new HikariDataSource(config);
      builder.dataSource(pool);
    }
    WebhookInbox inbox = builder.build();
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Recorder.SECRET).dispatcher(dispatcher).inbox(inbox).build();
    WebhookServer server = WebhookServer.builder().port(Integer.getInteger("inbox.port", 0)).receiver(receiver).start();
    System.out.println("NODE LISTENING " + server.port());
    System.out.flush();
    while (System.in.read() != -1) {
      // runs until its standard input closes
    }
    server.close();
    inbox.close();
    if (pool != null) {
      pool.close();
    }
    System.out.println("NODE CLOSED");
  }
}
