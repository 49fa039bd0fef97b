package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.decode.EventDecoder;
import ai.hrflow.webhook.runtime.decode.MalformedEventsException;
import ai.hrflow.webhook.runtime.decode.TooManyEventsException;
import ai.hrflow.webhook.runtime.signature.SignatureHeaders;
import ai.hrflow.webhook.runtime.signature.SignatureVerifier;
import ai.hrflow.webhook.runtime.signature.Verification;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Receives one HrFlow webhook call, framework-agnostic: verifies its signature, decodes its events,
 * hands each to the dispatcher, and says what to answer. The embedded {@link WebhookServer} calls
 * it; so can a Spring controller, a servlet or a Lambda function.
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.builder()
 *     .secret(System.getenv("HRFLOW_WEBHOOK_SECRET"))
 *     .dispatcher(new RecruitingHooksDispatcher(new MyHooks()))
 *     .build();
 * WebhookResponse response = receiver.receive(headers, body);
 * }</pre>
 *
 * <p>Nothing reaches a handler unless the signature verifies, and in the signed schemes only the
 * JSON inside the signature is decoded, never the body. The whole payload is decoded and checked
 * before the first handler runs. Every event of a batch is offered to its handler even when an
 * earlier one failed; the response is 200 only once every handler has returned. Instances are
 * immutable and safe for concurrent use.
 */
public final class WebhookReceiver {

  /** The default body limit: 5 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

  /** The default limit on events in one request: 10,000 (HrFlow's batches are far smaller). */
  public static final int DEFAULT_MAX_EVENTS = 10_000;

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int LOGGED_TYPES = 10;

  private final SignatureVerifier verifier;
  private final EventDecoder decoder;
  private final WebhookDispatcher dispatcher;
  private final IdempotencyStore deduplication;
  private final WebhookListener listener;
  private final boolean listening;
  private final int maxBodyBytes;
  private final Set<SignatureScheme> schemes;
  private final int secretCount;

  private WebhookReceiver(Builder builder) {
    this.schemes = Set.copyOf(builder.schemes);
    this.verifier = new SignatureVerifier(builder.secrets, schemes);
    this.secretCount = builder.secrets.size();
    this.maxBodyBytes = builder.maxBodyBytes;
    this.decoder = new EventDecoder(builder.maxBodyBytes, builder.maxEvents);
    this.dispatcher = builder.dispatcher;
    this.deduplication = builder.deduplication;
    this.listener = builder.listener;
    this.listening = builder.listener != WebhookListener.NONE;
  }

  /** {@return A builder; {@link Builder#secret} and {@link Builder#dispatcher} are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the largest body this receiver accepts, in bytes} */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Handles one webhook call.
   *
   * @param headers the request headers, names in any case; null counts as none
   * @param body the raw request body; null counts as empty
   * @return the status and JSON body to answer; never throws for anything the sender did
   */
  public WebhookResponse receive(Map<String, List<String>> headers, byte[] body) {
    long started = System.nanoTime();
    byte[] bytes = body == null ? new byte[0] : body;
    if (listening) {
      notify(() -> listener.requestReceived(bytes.length));
    }
    WebhookResponse response;
    if (bytes.length > maxBodyBytes) {
      response = rejected(WebhookResponse.payloadTooLarge(maxBodyBytes), started, "body too large");
    } else {
      response = verifyDecodeDispatch(headers == null ? Map.of() : headers, bytes, started);
    }
    if (listening) {
      notify(() -> listener.requestCompleted(response, System.nanoTime() - started));
    }
    return response;
  }

  private WebhookResponse verifyDecodeDispatch(Map<String, List<String>> headers, byte[] bytes, long started) {
    List<String> signatures = SignatureHeaders.valuesIn(headers);
    if (signatures.size() > 1) {
      return rejected(WebhookResponse.unauthorized("conflicting signature headers"), started, "conflicting signatures");
    }
    Verification verification = verifier.verify(signatures.isEmpty() ? null : signatures.get(0), bytes);
    if (verification instanceof Verification.Rejected rejected) {
      return rejected(WebhookResponse.unauthorized(rejected.reason()), started, rejected.reason());
    }
    Verification.Verified verified = (Verification.Verified) verification;
    List<WebhookEvent> events;
    try {
      events = decoder.decode(verified.payload());
    } catch (TooManyEventsException e) {
      return rejected(WebhookResponse.tooManyEvents(e.getMessage()), started, e.getMessage());
    } catch (MalformedEventsException e) {
      return rejected(WebhookResponse.badRequest(e.getMessage()), started, e.getMessage());
    }
    return logged(dispatchAll(events), started, events, verified.scheme().name());
  }

  private WebhookResponse rejected(WebhookResponse response, long started, String reason) {
    if (listening) {
      notify(() -> listener.requestRejected(response.status(), reason));
    }
    return logged(response, started, null, reason);
  }

  /**
   * Calls the listener; a listener that throws must not fail the request. Callers check {@code
   * listening} first, so that without a listener no call allocates its lambda.
   */
  private void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException broken) {
      LOG.log(Level.WARNING, "webhook listener " + listener.getClass().getName() + " threw", broken);
    }
  }

  private WebhookResponse dispatchAll(List<WebhookEvent> events) {
    int handled = 0;
    int fallback = 0;
    int unhandled = 0;
    int duplicates = 0;
    int busy = 0;
    ArrayNode failed = null;
    for (int i = 0; i < events.size(); i++) {
      WebhookEvent event = events.get(i);
      String key = null;
      if (deduplication != null) {
        key = event.fingerprint();
        IdempotencyStore.Claim claim = deduplication.claim(key);
        if (claim == IdempotencyStore.Claim.DONE) {
          duplicates++;
          continue;
        }
        if (claim == IdempotencyStore.Claim.BUSY) {
          busy++;
          continue;
        }
      }
      long dispatched = listening ? System.nanoTime() : 0;
      try {
        DispatchResult result = dispatcher.dispatch(event);
        if (listening) {
          long nanos = System.nanoTime() - dispatched;
          notify(() -> listener.eventDispatched(event.type(), result, nanos));
        }
        if (key != null) {
          deduplication.complete(key);
        }
        if (result == DispatchResult.HANDLED) {
          handled++;
        } else if (result == DispatchResult.FALLBACK) {
          fallback++;
        } else {
          unhandled++;
        }
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable failure) {
        if (key != null) {
          deduplication.release(key);
        }
        if (failure instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        if (listening) {
          long nanos = System.nanoTime() - dispatched;
          notify(() -> listener.handlerFailed(event.type(), failure, nanos));
        }
        LOG.log(Level.WARNING, "handler for " + event.type() + " (event " + i + ") failed", failure);
        if (failed == null) {
          failed = JSON.arrayNode();
        }
        failed.addObject().put("index", i).put("type", event.type()).put("error", failure.getClass().getSimpleName());
      }
    }
    if (failed == null && busy == 0 && deduplication == null) {
      return WebhookResponse.delivered(events.size(), handled, fallback, unhandled);
    }
    ObjectNode body =
        JSON.objectNode()
            .put("events", events.size())
            .put("handled", handled)
            .put("fallback", fallback)
            .put("unhandled", unhandled);
    if (deduplication != null) {
      body.put("duplicates", duplicates).put("busy", busy);
    }
    if (failed != null) {
      body.set("failed", failed);
      return WebhookResponse.of(500, body);
    }
    // An event another delivery is still handling may yet fail: only a retry can tell.
    return WebhookResponse.of(busy > 0 ? 503 : 200, body);
  }

  private static WebhookResponse logged(WebhookResponse response, long started, List<WebhookEvent> events, String detail) {
    if (LOG.isLoggable(Level.INFO)) {
      StringBuilder line = new StringBuilder("webhook ").append(response.status());
      if (events != null) {
        line.append(' ').append(events.size()).append(events.size() == 1 ? " event " : " events ").append(typeCounts(events));
      }
      long tenthsOfMillis = (System.nanoTime() - started) / 100_000; // no String.format on every request
      line.append(' ').append(detail).append(" in ").append(tenthsOfMillis / 10).append('.').append(tenthsOfMillis % 10).append(" ms");
      LOG.log(Level.INFO, line.toString());
    }
    return response;
  }

  /** The distinct types of a batch with their counts, at most ten: {@code [profile.parsing.success x3, ...]}. */
  private static String typeCounts(List<WebhookEvent> events) {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    boolean more = false;
    for (WebhookEvent event : events) {
      if (counts.size() < LOGGED_TYPES || counts.containsKey(event.type())) {
        counts.merge(event.type(), 1, Integer::sum);
      } else {
        more = true;
      }
    }
    StringBuilder types = new StringBuilder("[");
    counts.forEach((type, count) -> types.append(types.length() == 1 ? "" : ", ").append(type).append(count == 1 ? "" : " x" + count));
    return types.append(more ? ", ...]" : "]").toString();
  }

  @Override
  public String toString() {
    return "WebhookReceiver[secrets="
        + secretCount
        + " (hidden), schemes="
        + schemes
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", dispatcher="
        + dispatcher.getClass().getName()
        + "]";
  }

  /** Configures a {@link WebhookReceiver}. */
  public static final class Builder {
    private List<String> secrets = List.of();
    private WebhookDispatcher dispatcher;
    private Set<SignatureScheme> schemes = EnumSet.allOf(SignatureScheme.class);
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxEvents = DEFAULT_MAX_EVENTS;
    private IdempotencyStore deduplication;
    private WebhookListener listener = WebhookListener.NONE;

    private Builder() {}

    /**
     * The webhook secret from HrFlow's settings (its UTF-8 bytes key the HMAC).
     *
     * @param secret the secret
     * @return this builder
     */
    public Builder secret(String secret) {
      return secrets(List.of(Objects.requireNonNull(secret, "secret")));
    }

    /**
     * Several webhook secrets, any one of which may verify a request: during a rotation, the old and
     * the new.
     *
     * @param secrets the secrets
     * @return this builder
     */
    public Builder secrets(List<String> secrets) {
      List<String> copy = List.copyOf(secrets);
      for (String secret : copy) {
        if (secret.isEmpty()) {
          throw new IllegalArgumentException("a webhook secret is never empty");
        }
      }
      this.secrets = copy;
      return this;
    }

    /**
     * The dispatcher events go to, such as {@code new RecruitingHooksDispatcher(handler)}.
     *
     * @param dispatcher the dispatcher
     * @return this builder
     */
    public Builder dispatcher(WebhookDispatcher dispatcher) {
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
      return this;
    }

    /**
     * Accepts only these signature schemes; by default all four are accepted.
     *
     * @param schemes the schemes
     * @return this builder
     */
    public Builder schemes(SignatureScheme... schemes) {
      if (schemes.length == 0) {
        throw new IllegalArgumentException("accept at least one signature scheme");
      }
      this.schemes = EnumSet.of(schemes[0], schemes);
      return this;
    }

    /**
     * The largest body accepted, in bytes; larger ones get 413. Default 5 MiB.
     *
     * @param maxBodyBytes the max body bytes
     * @return this builder
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("the body limit is at least one byte");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * The most events one request may hold; more get 413 before their trees are built, which bounds
     * the memory a request can take. Default 10,000.
     *
     * @param maxEvents the max events
     * @return this builder
     */
    public Builder maxEvents(int maxEvents) {
      if (maxEvents < 1) {
        throw new IllegalArgumentException("accept at least one event per request");
      }
      this.maxEvents = maxEvents;
      return this;
    }

    /**
     * Observes requests, rejections, dispatches and failures (metrics, tracing); none by default.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(WebhookListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Acknowledges redelivered events without running their handlers again. An event counts as
     * delivered once its handler returned; one whose handler threw is not remembered, so its
     * redelivery runs the handler again. While one delivery of an event is being handled, another
     * delivery of it is answered 503 so that the sender retries later. Off by default: HrFlow sends
     * no event id, so two genuinely distinct events with identical JSON would count as one.
     *
     * @param store where handled events are remembered, such as {@code IdempotencyStore.inMemory(100_000)}
     * @return this builder
     */
    public Builder deduplicate(IdempotencyStore store) {
      this.deduplication = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The receiver.
     *
     * @throws IllegalStateException if no secret or no dispatcher was given
     * @return the receiver
     */
    public WebhookReceiver build() {
      if (secrets.isEmpty()) {
        throw new IllegalStateException("set the webhook secret with secret(...) or secrets(...)");
      }
      if (dispatcher == null) {
        throw new IllegalStateException("set the dispatcher with dispatcher(new YourHooksDispatcher(handler))");
      }
      return new WebhookReceiver(this);
    }

    @Override
    public String toString() {
      return "WebhookReceiver.Builder[secrets=" + secrets.size() + " (hidden)]";
    }
  }
}
