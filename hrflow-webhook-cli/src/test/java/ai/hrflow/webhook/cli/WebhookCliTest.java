package ai.hrflow.webhook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.runtime.testhooks.FakeHrFlow;
import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookServer;
import ai.hrflow.webhook.runtime.WebhookSigner;
import ai.hrflow.webhook.runtime.testhooks.RecordingHooks;
import ai.hrflow.webhook.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CLI end to end: against a running webhook server, and against a local server playing HrFlow. */
class WebhookCliTest {

  private static final String SECRET = "cli-secret";

  private final RecordingHooks hooks = new RecordingHooks();
  private final WebhookServer server =
      WebhookServer.builder().port(0).receiver(WebhookReceiver.builder().secret(SECRET).dispatcher(hooks.dispatcher()).build()).start();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private String stdin = "";
  private final Map<String, String> environment = new HashMap<>(Map.of("HRFLOW_WEBHOOK_SECRET", SECRET));

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(String... args) {
    return new WebhookCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            "java -jar hrflow-webhook-cli.jar",
            environment)
        .run(args);
  }

  private String url() {
    return "http://localhost:" + server.port() + "/webhooks";
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void sendPostsASignedSampleEventInEveryScheme(SignatureScheme scheme) {
    assertEquals(0, run("send", "--url", url(), "--event", "profile.parsing.success", "--scheme", scheme.name()));
    assertTrue(out().startsWith("200 {\"events\":1,\"handled\":1"), out());
    assertEquals(List.of("profile.parsing.success"), hooks.types());
  }

  @Test
  void sendHasASampleForEveryCatalogType() {
    for (EventType type : EventType.values()) {
      assertEquals(0, run("send", "--url", url(), "--event", type.type()), type.type() + ": " + err());
    }
    assertEquals(EventType.values().length, hooks.types().size());
  }

  @Test
  void sendPostsAFile(@TempDir Path dir) throws Exception {
    Path payload = dir.resolve("payload.json");
    Files.writeString(payload, SampleEvents.batch("job.parsing.success", "action.stage.success"));
    assertEquals(0, run("send", "--url", url(), "--event", "job.parsing.success", "--file", payload.toString()));
    assertEquals(List.of("job.parsing.success", "action.stage.success"), hooks.types());
  }

  @Test
  void sendWithTheWrongSecretFailsWithTheServersAnswer() {
    assertEquals(1, run("send", "--url", url(), "--secret", "wrong", "--event", "job.parsing.success"));
    assertTrue(out().startsWith("401 "), out());
    assertEquals(List.of(), hooks.types());
  }

  @Test
  void signThenVerifyRoundTripsEveryScheme(@TempDir Path dir) throws Exception {
    Path body = dir.resolve("body.json");
    Files.write(body, SampleEvents.bytes("job.embedding.error"));
    for (SignatureScheme scheme : SignatureScheme.values()) {
      out.reset();
      assertEquals(0, run("sign", "--file", body.toString(), "--scheme", scheme.name()));
      String header = out().strip();
      out.reset();
      assertEquals(0, run("verify", "--header", header, "--file", body.toString()), scheme + " " + out());
      assertTrue(out().startsWith("valid (" + scheme + ")"), out());
      out.reset();
      assertEquals(1, run("verify", "--secret", "other", "--header", header, "--file", body.toString()));
      assertTrue(out().startsWith("invalid: signature does not match"), out());
    }
  }

  @Test
  void signReadsStandardInput() {
    stdin = "{\"type\":\"profile.parsing.success\"}";
    assertEquals(0, run("sign", "--secret", "1234", "--file", "-", "--scheme", "body_hex"));
    assertEquals(64, out().strip().length());
  }

  @Test
  void checkAndTestCallHrFlow() throws Exception {
    try (FakeHrFlow hrflow = new FakeHrFlow()) {
      hrflow.answers(200, "{\"code\":200,\"message\":\"ok\",\"data\":{\"team_name\":\"Acme\",\"webhook_id\":\"wh-1\",\"url\":\"https://example.com/webhooks\",\"type\":\"profile.parsing.success\"}}");
      assertEquals(0, run("check", "--api-key", "k-1", "--url", "https://example.com/webhooks", "--event", "profile.parsing.success", "--base-url", hrflow.baseUrl().toString()));
      assertEquals("ok: team Acme, webhook wh-1, https://example.com/webhooks, profile.parsing.success\n", out());
      assertEquals("/v1/webhook/check", hrflow.requests().get(0).path());
      assertEquals("k-1", hrflow.requests().get(0).apiKey());

      hrflow.answers(401, "{\"code\":401,\"message\":\"Unauthorized. Invalid secret key: k-1\"}");
      assertEquals(1, run("test", "--api-key", "k-1", "--base-url", hrflow.baseUrl().toString()));
      assertTrue(err().contains("HTTP 401, code 401, \"Unauthorized. Invalid secret key: ***\""), err());
      assertTrue(!err().contains("k-1"), err());
    }
  }

  @Test
  void wrongCommandLinesSayWhatToFix() {
    assertEquals(2, run());
    assertEquals(2, run("launch"));
    assertTrue(err().contains("unknown command \"launch\""));
    assertEquals(2, run("send", "--url", url()));
    assertTrue(err().contains("send: --event is required"), err());
    assertEquals(2, run("send", "--url", url(), "--event", "profile.parsing.sucess"));
    assertTrue(err().contains("did you mean profile.parsing.success?"), err());
    assertEquals(2, run("send", "--url", "ftp://x", "--event", "job.parsing.success"));
    assertTrue(err().contains("--url ftp://x is not an http(s) URL"), err());
    assertEquals(2, run("sign", "--event", "job.parsing.success", "--scheme", "md5"));
    assertTrue(err().contains("--scheme md5 is not one of"), err());
    assertEquals(2, run("sign", "--colour", "red"));
    assertTrue(err().contains("sign: unknown option --colour"), err());
    assertEquals(2, run("sign", "--secret"));
    assertTrue(err().contains("--secret needs a value"), err());
    assertEquals(2, run("verify", "--header", "x", "--file", "/no/such/file"));
    assertTrue(err().contains("no file /no/such/file"), err());
  }

  @Test
  void sendToAnEndpointThatIsNotThereFailsWithTheUrl() {
    assertEquals(1, run("send", "--url", "http://127.0.0.1:1/webhooks", "--event", "job.parsing.success"));
    assertTrue(err().startsWith("error: could not send to http://127.0.0.1:1/webhooks"), err());
    assertTrue(err().contains("connection refused"), err());
  }

  @Test
  void sendTakesTheTypesFromTheFileWithoutEvent(@TempDir Path dir) throws Exception {
    Path payload = dir.resolve("payload.json");
    Files.writeString(payload, SampleEvents.batch("job.parsing.success", "profile.parsing.success"));
    assertEquals(0, run("send", "--url", url(), "--file", payload.toString()), err());
    assertEquals(List.of("job.parsing.success", "profile.parsing.success"), hooks.types());
  }

  @Test
  void verifyingABodyHexSignatureWithoutTheBodySaysTheBodyIsNeeded() {
    String header = WebhookSigner.sign(SignatureScheme.BODY_HEX, SECRET, SampleEvents.bytes("job.parsing.success"));
    assertEquals(2, run("verify", "--header", header));
    assertTrue(err().contains("BODY_HEX signature, which signs the request body: give the body with --file"), err());
  }

  @Test
  void everyCommandHasHelpThatNamesTheRealCommand() {
    for (String command : List.of("send", "sign", "verify", "check", "test", "events")) {
      out.reset();
      assertEquals(0, run(command, "--help"), command);
      assertTrue(out().startsWith("usage: java -jar hrflow-webhook-cli.jar " + command), out());
    }
    out.reset();
    assertEquals(0, run("--help"));
    assertTrue(out().startsWith("usage: java -jar hrflow-webhook-cli.jar <command>"), out());
  }

  @Test
  void secretsComeFromTheEnvironmentOrAFileAndOnTheCommandLineGetAWarning(@TempDir Path dir) throws Exception {
    assertEquals(0, run("sign", "--event", "job.parsing.success"));
    assertEquals("", err(), "from HRFLOW_WEBHOOK_SECRET, silently");
    String fromEnvironment = out();

    Path secretFile = dir.resolve("secret");
    Files.writeString(secretFile, SECRET + "\n");
    environment.clear();
    out.reset();
    assertEquals(0, run("sign", "--secret-file", secretFile.toString(), "--event", "job.parsing.success"));
    assertEquals(fromEnvironment, out(), "the same secret, from a file");

    out.reset();
    assertEquals(0, run("sign", "--secret", SECRET, "--event", "job.parsing.success"));
    assertEquals(fromEnvironment, out());
    assertTrue(err().contains("warning: --secret is visible to every user of this machine in the process list"), err());

    assertEquals(2, run("sign", "--event", "job.parsing.success"));
    assertTrue(err().contains("no secret: set HRFLOW_WEBHOOK_SECRET, or give --secret-file FILE"), err());
  }

  @Test
  void theApiKeyComesFromTheEnvironmentAndPlainHttpToAnotherMachineIsRefused() throws Exception {
    try (FakeHrFlow hrflow = new FakeHrFlow()) {
      hrflow.answers(200, "{\"code\":200,\"message\":\"test sent\"}");
      environment.put("HRFLOW_API_KEY", "k-env");
      assertEquals(0, run("test", "--base-url", hrflow.baseUrl().toString()));
      assertEquals("k-env", hrflow.requests().get(0).apiKey());
      assertEquals(2, run("test", "--base-url", "http://api.hrflow.ai/v1"));
      assertTrue(err().contains("would send the API key in clear"), err());
    }
  }

  @Test
  void textFromTheNetworkIsPrintedWithItsControlCharactersEscaped() throws Exception {
    try (FakeHrFlow hrflow = new FakeHrFlow()) {
      hrflow.answers(200, "{\"code\":200,\"message\":\"\\u001b[31mred\\nforged: ok\"}");
      environment.put("HRFLOW_API_KEY", "k-env");
      assertEquals(0, run("test", "--base-url", hrflow.baseUrl().toString()));
      assertEquals("ok: \\u001b[31mred\\u000aforged: ok\n", out());
    }
  }

  @Test
  void theProgramNameIsTheJarItRunsFrom() {
    assertTrue(WebhookCli.programName().startsWith("java "), WebhookCli.programName());
  }

  @Test
  void eventsListsTheCatalog() {
    assertEquals(0, run("events"));
    assertEquals(EventType.values().length, out().lines().count());
    assertTrue(out().lines().anyMatch(line -> line.startsWith("profile.parsing.success")));
  }
}
