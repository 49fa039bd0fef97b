package ai.hrflow.webhook.api;

import ai.hrflow.webhook.catalog.EventType;
import ai.hrflow.webhook.catalog.internal.NearestTypes;
import ai.hrflow.webhook.runtime.internal.http.BoundedCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The two HrFlow API calls that manage a webhook, to prove at deploy time that an endpoint is wired:
 * {@link #check} ({@code POST /webhook/check}) and {@link #test} ({@code POST /webhook/test}). Both
 * authenticate with the API key in {@code X-API-KEY}.
 *
 * <pre>{@code
 * HrFlowWebhookApi api = HrFlowWebhookApi.builder().apiKey(System.getenv("HRFLOW_API_KEY")).build();
 * WebhookCheck check = api.check(URI.create("https://example.com/webhooks"), EventTypes.PROFILE_PARSING_SUCCESS);
 * api.test(); // HrFlow sends a test notification to the configured webhook
 * }</pre>
 *
 * Instances are immutable and safe for concurrent use. The API key appears in no exception, log line
 * or {@code toString()}.
 */
public final class HrFlowWebhookApi {

  /** HrFlow's API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.hrflow.ai/v1");

  /** HrFlow's answers to these calls are a few hundred bytes; a megabyte is no answer of theirs. */
  static final int MAX_ANSWER_BYTES = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String apiKey;
  private final URI baseUrl;
  private final Duration timeout;
  private final HttpClient http;

  private HrFlowWebhookApi(Builder builder) {
    this.apiKey = builder.apiKey;
    this.baseUrl = builder.baseUrl;
    this.timeout = builder.timeout;
    this.http = HttpClient.newBuilder().connectTimeout(builder.timeout).build();
  }

  /** {@return A builder; {@link Builder#apiKey} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Asks HrFlow to confirm the webhook at {@code url} for {@code eventType}, a catalog type.
   *
   * @throws IllegalArgumentException if {@code eventType} is not in the catalog (the message names
   *     the nearest catalog types); use {@link #checkCustomType} for types the catalog lacks
   * @throws HrFlowApiException if HrFlow refuses, answers something unreadable, or cannot be reached
   */
  public WebhookCheck check(URI url, String eventType) throws HrFlowApiException {
    if (EventType.of(eventType).isEmpty()) {
      throw new IllegalArgumentException(
          "\"" + eventType + "\" is not an HrFlow event type in the catalog" + nearest(eventType)
              + ". For a type the catalog lacks, call checkCustomType.");
    }
    return checkCustomType(url, eventType);
  }

  /**
   * {@link #check} for an event type that is not in the catalog, such as one bound with {@code
   * OnEvent}.
   *
   * @param url the webhook URL, as configured in HrFlow
   * @param eventType the event type, outside the catalog or not
   * @return HrFlow's confirmation
   * @throws IllegalArgumentException if {@code eventType} is blank or contains whitespace
   * @throws HrFlowApiException if HrFlow refuses, answers something unreadable, or cannot be reached
   */
  public WebhookCheck checkCustomType(URI url, String eventType) throws HrFlowApiException {
    Objects.requireNonNull(url, "url");
    if (eventType == null || eventType.isBlank() || eventType.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("an event type is a non-empty word without spaces, such as profile.parsing.success");
    }
    ObjectNode body = JSON.createObjectNode().put("url", url.toString()).put("type", eventType);
    JsonNode data = call("webhook/check", body.toString()).get("data");
    if (data == null || !data.isObject()) {
      throw malformed(endpoint("webhook/check"), 200, "no \"data\" object");
    }
    return new WebhookCheck(text(data, "team_name"), text(data, "webhook_id"), text(data, "url"), text(data, "type"));
  }

  /**
   * Asks HrFlow to send a test notification to the webhook configured for this API key.
   *
   * @return HrFlow's message
   * @throws HrFlowApiException if HrFlow refuses, answers something unreadable, or cannot be reached
   */
  public String test() throws HrFlowApiException {
    JsonNode answer = call("webhook/test", null);
    return text(answer, "message");
  }

  private JsonNode call(String path, String jsonBody) throws HrFlowApiException {
    URI url = endpoint(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url).timeout(timeout).header("X-API-KEY", apiKey).header("Accept", "application/json");
    if (jsonBody == null) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
    }
    HttpResponse<byte[]> response;
    try {
      response = BoundedCall.send(http, request.build(), timeout, MAX_ANSWER_BYTES);
    } catch (HttpTimeoutException e) {
      throw new HrFlowApiException(
          HrFlowApiException.Kind.TIMEOUT, url, -1, -1, null, "HrFlow did not answer " + url + " within " + timeout, e);
    } catch (BoundedCall.AnswerTooLargeException e) {
      throw malformed(url, -1, "an answer larger than " + MAX_ANSWER_BYTES + " bytes");
    } catch (IOException e) {
      throw new HrFlowApiException(
          HrFlowApiException.Kind.NETWORK, url, -1, -1, null, "could not reach HrFlow at " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HrFlowApiException(HrFlowApiException.Kind.NETWORK, url, -1, -1, null, "interrupted while calling " + url, e);
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      answer = null;
    }
    boolean envelope = answer != null && answer.isObject() && answer.path("code").canConvertToInt();
    int code = envelope ? answer.get("code").asInt() : -1;
    String message = envelope ? mask(text(answer, "message")) : null;
    if (response.statusCode() / 100 != 2 || (envelope && code != 200)) {
      throw new HrFlowApiException(
          HrFlowApiException.Kind.REFUSED,
          url,
          response.statusCode(),
          code,
          message,
          "HrFlow refused " + url + ": HTTP " + response.statusCode() + (envelope ? ", code " + code + ", \"" + message + "\"" : ""),
          null);
    }
    if (!envelope) {
      throw malformed(url, response.statusCode(), "not HrFlow's JSON envelope {code, message, data}");
    }
    return answer;
  }

  private static HrFlowApiException malformed(URI url, int status, String what) {
    return new HrFlowApiException(
        HrFlowApiException.Kind.MALFORMED_RESPONSE, url, status, -1, null, "HrFlow answered " + url + " with " + what, null);
  }

  /** HrFlow's 401 message may quote the key it refused: never pass it on. */
  private String mask(String message) {
    return message == null ? null : message.replace(apiKey, "***");
  }

  private URI endpoint(String path) {
    String base = baseUrl.toString();
    return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String nearest(String eventType) {
    List<String> nearest = NearestTypes.toType(eventType);
    return nearest.isEmpty() ? "" : " (did you mean " + String.join(" or ", nearest) + "?)";
  }

  @Override
  public String toString() {
    return "HrFlowWebhookApi[" + baseUrl + ", API key hidden]";
  }

  /** Configures an {@link HrFlowWebhookApi}. */
  public static final class Builder {
    private String apiKey;
    private URI baseUrl = DEFAULT_BASE_URL;
    private Duration timeout = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * The API secret key from HrFlow's settings (not the webhook secret).
     *
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("the API key is never empty");
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * The API's base URL; default {@code https://api.hrflow.ai/v1}. Plain {@code http} is refused
     * except to this machine (a test server): the API key travels in a header.
     *
     * @return this builder
     * @throws IllegalArgumentException if the URL is neither https nor http to a loopback address
     */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      boolean https = "https".equalsIgnoreCase(baseUrl.getScheme());
      boolean localHttp = "http".equalsIgnoreCase(baseUrl.getScheme()) && isLoopback(baseUrl.getHost());
      if (!https && !localHttp) {
        throw new IllegalArgumentException(
            "the base URL " + baseUrl + " would send the API key in clear: use https (plain http is for a server on this machine only)");
      }
      this.baseUrl = baseUrl;
      return this;
    }

    private static boolean isLoopback(String host) {
      if (host == null) {
        return false;
      }
      if (host.equalsIgnoreCase("localhost")) {
        return true;
      }
      try {
        return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]") && InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
      } catch (java.net.UnknownHostException notAnAddress) {
        return false;
      }
    }

    /**
     * How long a call may take, from connecting to the answer's last byte; default 10 seconds.
     *
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("the time-out is positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException if no API key was given
     */
    public HrFlowWebhookApi build() {
      if (apiKey == null) {
        throw new IllegalStateException("set the API key with apiKey(...)");
      }
      return new HrFlowWebhookApi(this);
    }

    @Override
    public String toString() {
      return "HrFlowWebhookApi.Builder[" + baseUrl + ", API key hidden]";
    }
  }
}
