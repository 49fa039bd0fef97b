package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.testhooks.RecordingHooks;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile payloads, validly signed (so that they reach the parser), over real HTTP: each is answered
 * in bounded time with the expected status, and the server goes on serving. The surefire run of this
 * class uses a 96 MiB heap, so that unbounded memory would fail it (see the runtime's pom).
 */
class HostileInputTest {

  private static final long BOUND_MILLIS = 5_000;
  private static final RecordingHooks HOOKS = new RecordingHooks();
  private static WebhookServer server;
  private static HttpTestClient client;

  @BeforeAll
  static void start() {
    WebhookReceiver receiver = WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(HOOKS.dispatcher()).build();
    server = WebhookServer.builder().port(0).requestTimeout(java.time.Duration.ofSeconds(2)).receiver(receiver).start();
    client = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> hostilePayloads() {
    String event = "{\"type\":\"profile.parsing.success\"";
    return Stream.of(
        Arguments.of("array nesting 100,000 deep", utf8("[".repeat(100_000) + "]".repeat(100_000)), 400),
        Arguments.of("object nesting 100,000 deep", utf8(event + ",\"a\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_001)), 400),
        Arguments.of("a 4 MiB string", utf8(event + ",\"text\":\"" + "x".repeat(4 << 20) + "\"}"), 200),
        Arguments.of("a number of 100,000 digits", utf8(event + ",\"n\":1" + "0".repeat(100_000) + "}"), 400),
        Arguments.of("a float of 100,000 digits", utf8(event + ",\"n\":0." + "1".repeat(100_000) + "}"), 400),
        Arguments.of("duplicate keys", utf8("{\"type\":\"profile.parsing.success\",\"type\":\"job.parsing.success\"}"), 400),
        Arguments.of("invalid UTF-8", concat(utf8(event + ",\"text\":\""), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, utf8("\"}")), 400),
        Arguments.of("UTF-16 with a byte-order mark", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, (event + "}").getBytes(StandardCharsets.UTF_16BE)), 400),
        Arguments.of("UTF-8 byte-order mark (ignored, RFC 8259 8.1)", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(event + "}")), 200),
        Arguments.of("trailing garbage", utf8(event + "} {\"type\":\"x\"}"), 400),
        Arguments.of("trailing garbage after an array", utf8("[" + event + "}]]"), 400),
        Arguments.of("an empty body", new byte[0], 400),
        Arguments.of("whitespace only", utf8("   \n "), 400),
        Arguments.of("100,000 tiny events", utf8("[" + String.join(",", java.util.Collections.nCopies(100_000, "{\"type\":\"a.b.c\"}")) + "]"), 413),
        Arguments.of("binary noise", noise(64 * 1024), 400),
        Arguments.of("a huge key", utf8(event + ",\"" + "k".repeat(100_000) + "\":1}"), 400),
        Arguments.of("an event that is an array", utf8("[[" + event + "}]]"), 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostilePayloads")
  void isAnsweredInBoundedTimeAndTheServerKeepsServing(String name, byte[] payload, int expected) throws Exception {
    int before = HOOKS.received().size();
    long started = System.nanoTime();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(client.uri("/webhooks"))
                .header(WebhookSigner.HEADER_NAME, WebhookSigner.sign(SignatureScheme.BODY_HEX, Signed.SECRET, payload))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build());
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(expected, response.statusCode(), name + ": " + response.body());
    assertTrue(millis < BOUND_MILLIS, name + " took " + millis + " ms");
    assertEquals(expected == 200 ? 1 : 0, HOOKS.received().size() - before, name);
    assertEquals(200, client.postSigned(Signed.event("job.parsing.success")).statusCode(), "still serving after " + name);
  }

  @ParameterizedTest(name = "unsigned: {0}")
  @MethodSource("hostilePayloads")
  void unsignedIsRefusedBeforeParsing(String name, byte[] payload, int ignored) throws Exception {
    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(client.uri("/webhooks")).POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build());
    assertEquals(payload.length > WebhookReceiver.DEFAULT_MAX_BODY_BYTES ? 413 : 401, response.statusCode(), name);
  }

  @Test
  void contentLengthLongerThanTheBodyDispatchesNothing() throws Exception {
    int before = HOOKS.received().size();
    byte[] body = utf8(Signed.event("profile.parsing.success"));
    String signature = WebhookSigner.sign(SignatureScheme.BODY_HEX, Signed.SECRET, body);
    long started = System.nanoTime();
    String answer =
        client.raw(
            "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: " + (body.length + 100) + "\r\n"
                + WebhookSigner.HEADER_NAME + ": " + signature + "\r\n",
            body,
            10_000);
    assertTrue(answer.isEmpty() || !answer.startsWith("HTTP/1.1 2"), answer);
    assertTrue((System.nanoTime() - started) / 1_000_000 < BOUND_MILLIS, "cut off by the request time-out");
    assertEquals(before, HOOKS.received().size());
  }

  @Test
  void contentLengthShorterThanTheBodyFailsVerification() throws Exception {
    int before = HOOKS.received().size();
    byte[] body = utf8(Signed.event("profile.parsing.success"));
    String signature = WebhookSigner.sign(SignatureScheme.BODY_HEX, Signed.SECRET, body);
    String answer =
        client.raw(
            "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n" + WebhookSigner.HEADER_NAME + ": " + signature + "\r\n",
            body,
            5_000);
    assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
    assertEquals(before, HOOKS.received().size());
    assertEquals(200, client.postSigned(Signed.event("job.parsing.success")).statusCode());
  }

  @Test
  void chunkedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
    StringBuilder chunks = new StringBuilder();
    String chunk = "x".repeat(64 * 1024);
    for (int i = 0; i < 100; i++) { // 6.4 MiB, over the 5 MiB limit
      chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    chunks.append("0\r\n\r\n");
    String answer =
        client.raw(
            // A well-formed signature over the body, so that the body is read (a malformed one is refused unread).
            "POST /webhooks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n" + WebhookSigner.HEADER_NAME + ": " + "ab".repeat(32) + "\r\n",
            utf8(chunks.toString()),
            10_000);
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer.substring(0, Math.min(answer.length(), 200)));
    assertEquals(200, client.postSigned(Signed.event("job.parsing.success")).statusCode());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] noise(int length) {
    byte[] bytes = new byte[length];
    new Random(42).nextBytes(bytes);
    bytes[0] = '{'; // past the encoding sniffing, into the parser
    return bytes;
  }
}
