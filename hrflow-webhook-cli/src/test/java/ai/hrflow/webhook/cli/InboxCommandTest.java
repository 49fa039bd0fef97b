package ai.hrflow.webhook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.inbox.WebhookInbox;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookEvent;
import ai.hrflow.webhook.runtime.testhooks.WithoutFallbackHooksDispatcher;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inbox stats|dead|replay} on an embedded inbox's database, as an operator runs them. */
class InboxCommandTest {

  @TempDir Path folder;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Map<String, String> environment = new HashMap<>();

  private int run(String... args) {
    out.reset();
    err.reset();
    return new WebhookCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new ByteArrayInputStream(new byte[0]),
            "hrflow-webhook",
            environment)
        .run(args);
  }

  private String url() {
    return "jdbc:h2:async:" + folder.toAbsolutePath() + "/inbox";
  }

  @Test
  void listsAndReplaysTheDeadEventsOfAStoppedApplication() throws Exception {
    WithoutFallbackHooksDispatcher failing =
        new WithoutFallbackHooksDispatcher(
            (ProfilePayload event) -> {
              throw new IllegalStateException("the ATS answered 502\nsecond line");
            });
    try (WebhookInbox inbox = WebhookInbox.builder().embedded(folder).dispatcher(failing).maxAttempts(1).build()) {
      inbox.store(List.of(WebhookEvent.of(new ObjectMapper().readTree("{\"type\":\"profile.parsing.success\",\"profile\":{\"key\":\"p1\"}}"))));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (inbox.stats().dead() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }

    assertEquals(0, run("inbox", "stats", "--jdbc-url", url(), "--user", "hrflow"), err.toString());
    assertEquals("pending 0 (0 retrying), oldest none; dead 1", out.toString(StandardCharsets.UTF_8).strip());

    assertEquals(0, run("inbox", "dead", "--jdbc-url", url(), "--user", "hrflow"), err.toString());
    String listing = out.toString(StandardCharsets.UTF_8);
    assertTrue(listing.contains("profile.parsing.success  1 attempts"), listing);
    assertTrue(listing.contains("java.lang.IllegalStateException: the ATS answered 502"), listing);
    assertTrue(!listing.contains("second line"), "one line per event: " + listing);
    assertTrue(listing.contains("1 dead events"), listing);

    assertEquals(0, run("inbox", "replay", "--jdbc-url", url(), "--user", "hrflow"), err.toString());
    assertEquals("replayed 1 dead events", out.toString(StandardCharsets.UTF_8).strip());
    assertEquals(0, run("inbox", "stats", "--jdbc-url", url(), "--user", "hrflow"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("pending 1 (0 retrying), oldest "), out.toString());
  }

  @Test
  void saysWhatIsWrongWithTheCommandOrTheDatabase() {
    assertEquals(WebhookCli.USAGE, run("inbox"));
    assertTrue(err.toString().contains("say what to do: stats, dead or replay"), err.toString());
    assertEquals(WebhookCli.USAGE, run("inbox", "purge", "--jdbc-url", url()));
    assertTrue(err.toString().contains("\"purge\" is not stats, dead or replay"), err.toString());
    assertEquals(WebhookCli.USAGE, run("inbox", "stats"));
    assertTrue(err.toString().contains("--jdbc-url is required"), err.toString());
    assertEquals(WebhookCli.USAGE, run("inbox", "dead", "--jdbc-url", url(), "--limit", "none"));

    assertEquals(WebhookCli.FAILED, run("inbox", "stats", "--jdbc-url", url(), "--user", "hrflow"));
    assertTrue(err.toString().contains("the inbox table hrflow_inbox_event is missing"), err.toString());

    environment.put("HRFLOW_INBOX_DB_PASSWORD", "s3cret");
    assertEquals(WebhookCli.FAILED, run("inbox", "stats", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/app?password=hidden", "--user", "x"));
    assertTrue(err.toString().contains("jdbc:postgresql://127.0.0.1:1/app failed"), err.toString());
    assertTrue(!err.toString().contains("hidden") && !err.toString().contains("s3cret"), "no password in messages: " + err);
  }
}
