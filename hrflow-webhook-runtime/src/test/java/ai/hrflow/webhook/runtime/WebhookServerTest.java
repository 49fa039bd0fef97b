package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.testhooks.RecordingHooks;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded server end to end, over real sockets on port 0. */
class WebhookServerTest {

  private final RecordingHooks hooks = new RecordingHooks();
  private final List<WebhookServer> servers = new ArrayList<>();

  private HttpTestClient start(WebhookServer.Builder server) {
    WebhookServer started = server.start();
    servers.add(started);
    return new HttpTestClient(started.port());
  }

  private HttpTestClient start() {
    return start(WebhookServer.builder().port(0).receiver(receiver(WebhookReceiver.DEFAULT_MAX_BODY_BYTES)));
  }

  private WebhookReceiver receiver(int maxBodyBytes) {
    return WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(hooks.dispatcher()).maxBodyBytes(maxBodyBytes).build();
  }

  @AfterEach
  void closeServers() {
    servers.forEach(WebhookServer::close);
  }

  @Test
  void signedEventGets200AfterItsHandlerRan() throws Exception {
    HttpResponse<String> response = start().postSigned(Signed.event("profile.parsing.success"));
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("{\"events\":1,\"handled\":1,\"fallback\":0,\"unhandled\":0}", response.body());
    assertEquals(List.of("profile.parsing.success"), hooks.types());
  }

  @Test
  void batchFallbackAndUnknownTypesOverHttp() throws Exception {
    HttpResponse<String> response =
        start().postSigned(Signed.batch("job.embedding.error", "profile.new.kind", "action.stage.success"));
    assertEquals(200, response.statusCode());
    assertEquals("{\"events\":3,\"handled\":2,\"fallback\":1,\"unhandled\":0}", response.body());
    assertEquals(List.of("job.embedding.error", "profile.new.kind", "action.stage.success"), hooks.types());
  }

  @Test
  void unsignedAndWronglySignedGet401() throws Exception {
    HttpTestClient client = start();
    HttpResponse<String> unsigned =
        client.send(
            HttpRequest.newBuilder(client.uri("/webhooks"))
                .POST(HttpRequest.BodyPublishers.ofString(Signed.event("profile.parsing.success")))
                .build());
    assertEquals(401, unsigned.statusCode());
    assertEquals(401, client.postSigned(SignatureScheme.BODY_HEX, "wrong", Signed.event("profile.parsing.success")).statusCode());
    assertEquals(List.of(), hooks.types());
  }

  @Test
  void malformedPayloadGets400() throws Exception {
    HttpResponse<String> response = start().postSigned("[{\"type\":\"profile.parsing.success\"},{\"nope\":1}]");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("event 1 has no non-empty string"), response.body());
    assertEquals(List.of(), hooks.types());
  }

  @Test
  void handlerFailureGets500AndTheRestOfTheBatchStillRuns() throws Exception {
    hooks.failOn("profile.parsing.success");
    HttpResponse<String> response = start().postSigned(Signed.batch("profile.parsing.success", "job.embedding.error"));
    assertEquals(500, response.statusCode());
    assertTrue(response.body().contains("\"failed\":[{\"index\":0,\"type\":\"profile.parsing.success\""), response.body());
    assertEquals(List.of("profile.parsing.success", "job.embedding.error"), hooks.types());
  }

  @Test
  void declaredBodyOverTheLimitGets413BeforeTheBodyIsRead() throws Exception {
    HttpTestClient client = start(WebhookServer.builder().port(0).receiver(receiver(1024)));
    String answer = client.raw("POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n", new byte[0], 5000);
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
  }

  @Test
  void chunkedBodyOverTheLimitGets413() throws Exception {
    HttpTestClient client = start(WebhookServer.builder().port(0).receiver(receiver(1024)));
    byte[] big = new byte[4096];
    java.util.Arrays.fill(big, (byte) ' ');
    // Signed over its body (BODY_HEX), so that the body is read: an unsigned one is refused unread.
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(client.uri("/webhooks"))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER_NAME, WebhookSigner.sign(SignatureScheme.BODY_HEX, Signed.SECRET, big))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build());
    assertEquals(413, response.statusCode());
    assertEquals(List.of(), hooks.types());
  }

  @Test
  void chunkedBodyWithinTheLimitIsAccepted() throws Exception {
    HttpTestClient client = start();
    byte[] body = Signed.utf8(Signed.event("profile.parsing.success"));
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(client.uri("/webhooks"))
                .header(WebhookSigner.HEADER_NAME, WebhookSigner.sign(SignatureScheme.BODY_HEX, Signed.SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
    assertEquals(200, response.statusCode());
  }

  @Test
  void otherPathGets404AndOtherMethodGets405WithAllow() throws Exception {
    HttpTestClient client = start();
    assertEquals(404, client.send(HttpRequest.newBuilder(client.uri("/other")).POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
    for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
      HttpResponse<String> response =
          client.send(HttpRequest.newBuilder(client.uri("/webhooks")).method(method, HttpRequest.BodyPublishers.noBody()).build());
      assertEquals(405, response.statusCode(), method);
      assertEquals("POST", response.headers().firstValue("Allow").orElseThrow(), method);
    }
  }

  @Test
  void contentTypeOtherThanJsonGets415AndJsonVariantsAreAccepted() throws Exception {
    HttpTestClient client = start();
    String json = Signed.event("profile.parsing.success");
    String signature = WebhookSigner.sign(SignatureScheme.BODY_HEX, Signed.SECRET, json);
    for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "application/jsonx", "+json")) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(client.uri("/webhooks"))
                  .header("Content-Type", contentType)
                  .header(WebhookSigner.HEADER_NAME, signature)
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build());
      assertEquals(415, response.statusCode(), contentType);
    }
    for (String contentType : List.of("application/json", "Application/JSON; charset=UTF-8", "application/vnd.hrflow+json")) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(client.uri("/webhooks"))
                  .header("Content-Type", contentType)
                  .header(WebhookSigner.HEADER_NAME, signature)
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build());
      assertEquals(200, response.statusCode(), contentType);
    }
    assertEquals(3, hooks.types().size());
  }

  @Test
  void healthCheckAnswers200() throws Exception {
    HttpTestClient client = start();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("/healthz")).GET().build());
    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":\"ok\"}", response.body());
  }

  @Test
  void rotationAcceptsEitherSecretOverHttp() throws Exception {
    WebhookReceiver rotating =
        WebhookReceiver.builder().secrets(List.of("old", "new")).dispatcher(hooks.dispatcher()).build();
    HttpTestClient client = start(WebhookServer.builder().port(0).receiver(rotating));
    assertEquals(200, client.postSigned(SignatureScheme.SIGNED_RAW, "old", Signed.event("job.parsing.success")).statusCode());
    assertEquals(200, client.postSigned(SignatureScheme.SIGNED_RAW, "new", Signed.event("job.parsing.success")).statusCode());
    assertEquals(401, client.postSigned(SignatureScheme.SIGNED_RAW, "other", Signed.event("job.parsing.success")).statusCode());
  }

  @Test
  void concurrentRequestsAreAllHandled() throws Exception {
    HttpTestClient client = start();
    ExecutorService senders = Executors.newFixedThreadPool(16);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String type = i % 2 == 0 ? "profile.parsing.success" : "job.embedding.error";
        responses.add(senders.submit(() -> client.postSigned(Signed.event(type))));
      }
      for (Future<HttpResponse<String>> response : responses) {
        assertEquals(200, response.get(30, TimeUnit.SECONDS).statusCode());
      }
    } finally {
      senders.shutdownNow();
    }
    assertEquals(200, hooks.types().size());
  }

  @Test
  void saturatedServerAnswers503WithRetryAfter() throws Exception {
    HttpTestClient client = start(WebhookServer.builder().port(0).maxConcurrentRequests(1).receiver(receiver(1024)));
    hooks.hold(1);
    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(() -> unchecked(() -> client.postSigned(Signed.event("profile.parsing.success"))));
    assertTrue(hooks.awaitEntered(5000));
    HttpResponse<String> second = client.postSigned(Signed.event("job.embedding.error"));
    assertEquals(503, second.statusCode());
    assertEquals("1", second.headers().firstValue("Retry-After").orElseThrow());
    hooks.release();
    assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
    assertEquals(List.of("profile.parsing.success"), hooks.types());
  }

  @Test
  void stalledClientIsCutOffAndDoesNotHoldUpOthers() throws Exception {
    HttpTestClient client =
        start(WebhookServer.builder().port(0).maxConcurrentRequests(1).requestTimeout(Duration.ofSeconds(2)).receiver(receiver(1024)));
    long started = System.nanoTime();
    CompletableFuture<String> stalled =
        CompletableFuture.supplyAsync(
            () ->
                unchecked(
                    () ->
                        client.raw(
                            "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n",
                            "{\"type\":".getBytes(StandardCharsets.US_ASCII),
                            15000)));
    Thread.sleep(200);
    assertEquals(200, client.postSigned(Signed.event("profile.parsing.success")).statusCode(), "served beside a staller");
    String answer = stalled.get(15, TimeUnit.SECONDS);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    assertFalse(answer.startsWith("HTTP/1.1 2"), answer);
    assertTrue(seconds <= 6, "cut off after the 2 s request time-out, took " + seconds + " s");
    assertEquals(List.of("profile.parsing.success"), hooks.types());
  }

  @Test
  void closeLetsRequestsInFlightFinishThenStops() throws Exception {
    WebhookServer server = WebhookServer.builder().port(0).receiver(receiver(1024)).start();
    HttpTestClient client = new HttpTestClient(server.port());
    hooks.hold(3);
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      inFlight.add(CompletableFuture.supplyAsync(() -> unchecked(() -> client.postSigned(Signed.event("profile.parsing.success")))));
    }
    assertTrue(hooks.awaitEntered(5000));
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    Thread.sleep(300);
    assertFalse(closing.isDone(), "close waits for requests in flight");
    HttpResponse<String> during = unchecked(() -> client.postSigned(Signed.event("job.embedding.error")));
    assertEquals(503, during.statusCode(), "new calls are refused while draining");
    hooks.release();
    for (CompletableFuture<HttpResponse<String>> request : inFlight) {
      assertEquals(200, request.get(10, TimeUnit.SECONDS).statusCode());
    }
    closing.get(10, TimeUnit.SECONDS);
    assertEquals(3, hooks.types().size());
    assertEquals(List.of("profile.parsing.success", "profile.parsing.success", "profile.parsing.success"), hooks.types());
    assertTrue(refused(client), "no longer listening");
  }

  @Test
  void closeWithNothingInFlightIsQuick() {
    WebhookServer server = WebhookServer.builder().port(0).shutdownTimeout(Duration.ofSeconds(30)).receiver(receiver(1024)).start();
    long started = System.nanoTime();
    server.close();
    server.close();
    assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 2000);
  }

  @Test
  void setsNoDelaySoThatRequestsDoNotWaitForDelayedAcks() {
    start();
    assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
  }

  private static boolean refused(HttpTestClient client) {
    try {
      client.postSigned(Signed.event("profile.parsing.success"));
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  interface IoCall<T> {
    T call() throws Exception;
  }

  static <T> T unchecked(IoCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
