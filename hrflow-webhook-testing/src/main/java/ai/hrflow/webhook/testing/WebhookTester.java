package ai.hrflow.webhook.testing;

import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.runtime.WebhookSigner;
import ai.hrflow.webhook.runtime.internal.http.BoundedCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends correctly signed events to a dispatcher, a receiver or a running server, for tests of your
 * handlers:
 *
 * <pre>{@code
 * RecordingHooks hooks = new RecordingHooks();
 * WebhookResponse response = WebhookTester.of(new RecruitingHooksDispatcher(hooks)).send(EventTypes.PROFILE_PARSING_SUCCESS);
 * assertEquals(200, response.status());
 * }</pre>
 *
 * Instances are immutable; {@link #scheme} and {@link #timeout} return copies. A call to a running
 * server has one deadline for all of it, the answer's body included, and refuses an answer larger
 * than a megabyte.
 */
public final class WebhookTester {

  /** How long a call to a running server may take by default, from connecting to the answer's last byte. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** A webhook endpoint's answers are small; a larger one is no answer. */
  private static final int MAX_ANSWER_BYTES = 1 << 20;

  /** The headers of an answer that {@link WebhookResponse#headers()} holds. */
  private static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Allow", "Retry-After");

  private final String secret;
  private final SignatureScheme scheme;
  private final WebhookReceiver receiver;
  private final URI endpoint;
  private final HttpClient http;
  private final Duration timeout;

  private WebhookTester(String secret, SignatureScheme scheme, WebhookReceiver receiver, URI endpoint, HttpClient http, Duration timeout) {
    this.secret = secret;
    this.scheme = scheme;
    this.receiver = receiver;
    this.endpoint = endpoint;
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * A tester with a receiver of its own (random secret, default settings) over {@code dispatcher}.
   */
  public static WebhookTester of(WebhookDispatcher dispatcher) {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String secret = "test-" + HexFormat.of().formatHex(random);
    return of(WebhookReceiver.builder().secret(secret).dispatcher(dispatcher).build(), secret);
  }

  /**
   * A tester that calls {@code receiver.receive} in process, signing with {@code secret}.
   */
  public static WebhookTester of(WebhookReceiver receiver, String secret) {
    return new WebhookTester(requireSecret(secret), SignatureScheme.SIGNED_HEX, Objects.requireNonNull(receiver, "receiver"), null, null, DEFAULT_TIMEOUT);
  }

  /**
   * A tester that POSTs to a running server at {@code endpoint}, such as {@code http://localhost:8080/webhooks}.
   */
  public static WebhookTester of(URI endpoint, String secret) {
    return new WebhookTester(
        requireSecret(secret),
        SignatureScheme.SIGNED_HEX,
        null,
        Objects.requireNonNull(endpoint, "endpoint"),
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        DEFAULT_TIMEOUT);
  }

  /**
   * A copy that signs in {@code scheme}; the default is {@code SIGNED_HEX}, the official SDK's.
   */
  public WebhookTester scheme(SignatureScheme scheme) {
    return new WebhookTester(secret, Objects.requireNonNull(scheme, "scheme"), receiver, endpoint, http, timeout);
  }

  /**
   * A copy whose calls to a running server fail when the whole answer has not arrived within {@code
   * timeout}; the default is 30 seconds.
   *
   * @return the copy
   */
  public WebhookTester timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the time-out is positive");
    }
    return new WebhookTester(secret, scheme, receiver, endpoint, http, timeout);
  }

  /**
   * Sends the sample event of {@code type} ({@link SampleEvents}).
   */
  public WebhookResponse send(String type) {
    return sendJson(SampleEvents.json(type));
  }

  /**
   * Sends one batch holding the sample event of each of {@code types}.
   */
  public WebhookResponse sendBatch(String... types) {
    return sendJson(SampleEvents.batch(types));
  }

  /**
   * Sends {@code json}, an event object or an array of them, signed.
   */
  public WebhookResponse sendJson(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String signature = WebhookSigner.sign(scheme, secret, body);
    if (receiver != null) {
      return receiver.receive(Map.of(WebhookSigner.HEADER_NAME, List.of(signature)), body);
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header(WebhookSigner.HEADER_NAME, signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<byte[]> response = BoundedCall.send(http, request, timeout, MAX_ANSWER_BYTES);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String name : ANSWER_HEADERS) {
        response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
      }
      return new WebhookResponse(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), headers);
    } catch (IOException e) {
      throw new UncheckedIOException("could not send to " + endpoint + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + endpoint, e);
    }
  }

  private static String requireSecret(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a webhook secret is never empty");
    }
    return secret;
  }

  @Override
  public String toString() {
    return "WebhookTester[" + (receiver != null ? "in process" : endpoint) + ", " + scheme + ", secret hidden]";
  }
}
