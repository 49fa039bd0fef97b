package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.internal.decode.EventDecoder;
import ai.hrflow.webhook.runtime.internal.decode.MalformedEventsException;
import ai.hrflow.webhook.runtime.internal.console.ReceiverTap;
import ai.hrflow.webhook.runtime.internal.decode.TooManyEventsException;
import ai.hrflow.webhook.runtime.internal.http.BodyBudget;
import ai.hrflow.webhook.runtime.internal.http.BodyReader;
import ai.hrflow.webhook.runtime.internal.http.ExchangeScheduler;
import ai.hrflow.webhook.runtime.internal.signature.SignatureHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

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
 * earlier one failed; the response is 200 only once every handler has returned. With an {@link
 * EventInbox} ({@link Builder#inbox}), events are stored instead, the response is 200 once they are
 * committed, and handlers run afterwards. Instances are immutable and safe for concurrent use.
 */
public final class WebhookReceiver {

  /** The default body limit: 5 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

  /** The default limit on events in one request: 10,000 (HrFlow's batches are far smaller). */
  public static final int DEFAULT_MAX_EVENTS = 10_000;

  private static final byte[] EMPTY = new byte[0];

  private static final String MISSING_SECRET =
      "the webhook secret is missing or blank: set the environment variable HRFLOW_WEBHOOK_SECRET to the secret"
          + " of your webhook in HrFlow's settings, or pass it with secret(...)";

  private final SignatureVerifier verifier;
  private final EventDecoder decoder;
  private final BatchDispatch dispatch;
  private final WebhookDispatcher dispatcher;
  private final EventInbox inbox;
  private final GuardedListener listener;
  private final DeliveryLog log;
  private final int maxBodyBytes;
  private final BodyBudget bodies;
  private final String description;
  private final Builder settings; // a copy, for the console's observed twin
  private final ReceiverTap tap; // null but in the console's twin

  private WebhookReceiver(Builder builder) {
    this(builder.copy(), null);
  }

  private WebhookReceiver(Builder builder, ReceiverTap tap) {
    this.settings = builder;
    this.tap = tap;
    Set<SignatureScheme> schemes = Set.copyOf(builder.schemes);
    this.verifier = new SignatureVerifier(builder.secrets, schemes);
    this.decoder = new EventDecoder(builder.maxBodyBytes, builder.maxEvents);
    this.listener = new GuardedListener(tap == null ? builder.listener : WebhookListeners.both(builder.listener, ConsoleAdapters.listener(tap)));
    this.dispatch = new BatchDispatch(builder.dispatcher, builder.deduplication, listener);
    this.dispatcher = builder.dispatcher;
    this.inbox = builder.inbox;
    this.log = new DeliveryLog(builder.refusalLogInterval, builder.refusalLogClock);
    this.maxBodyBytes = builder.maxBodyBytes;
    this.bodies = new BodyBudget(Math.max(maxBodyBytes, Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8)));
    this.description =
        "WebhookReceiver[secrets=" + builder.secrets.size() + " (hidden), schemes=" + schemes + ", maxBodyBytes=" + maxBodyBytes
            + ", dispatcher=" + builder.dispatcher.getClass().getName() + (inbox == null ? "" : ", inbox=" + inbox) + "]";
  }

  /** {@return a builder; {@link Builder#secret} and {@link Builder#dispatcher} are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the largest body this receiver accepts, in bytes} */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Handles one webhook call: checks its size, content type and signature, decodes its events,
   * dispatches them, and says what to answer.
   *
   * @param headers the request headers, names in any case; null counts as none
   * @param body the raw request body; null counts as empty
   * @return the status, headers and JSON body to answer; never throws for anything the sender did
   */
  public WebhookResponse receive(Map<String, List<String>> headers, byte[] body) {
    long started = System.nanoTime();
    Map<String, List<String>> requestHeaders = headers == null ? Map.of() : headers;
    byte[] bytes = body == null ? EMPTY : body;
    if (listener.active) {
      listener.requestReceived(bytes.length);
    }
    WebhookResponse response = verifyDecodeDispatch(requestHeaders, bytes, started);
    if (listener.active) {
      listener.requestCompleted(response, System.nanoTime() - started);
    }
    return response;
  }

  /**
   * Handles one webhook call as an HTTP framework hands it over (a servlet, a Spring controller, a
   * serverless function), reading its body only as far as it must, like the embedded server: a call
   * its headers refuse (no signature, a bad one in a header-signed scheme, not JSON) is answered
   * without reading the body; a call signed in its header has its body read and thrown away; a
   * body-signed one is read into memory within {@link #maxBodyBytes()}, and within a budget shared by
   * every call this receiver reads at once (the larger of the body limit and an eighth of the heap,
   * up to 64 MiB), answered 503 with {@code Retry-After} when spent. Unauthenticated clients
   * therefore cannot make it hold more than that budget, however many connections they open.
   *
   * @param method the HTTP method; anything but {@code POST} is answered 405
   * @param headers the request headers, names in any case
   * @param body the request body, read at most to the body limit plus one byte; not closed
   * @param contentLength the declared length ({@code Content-Length}), or -1 when unknown (chunked)
   * @return the status, headers and JSON body to answer
   * @throws IOException if reading the body failed (the client went away): nothing was dispatched
   */
  public WebhookResponse receive(String method, Map<String, List<String>> headers, InputStream body, long contentLength) throws IOException {
    Map<String, List<String>> requestHeaders = headers == null ? Map.of() : headers;
    if (!"POST".equals(method)) {
      WebhookResponse response = WebhookResponse.methodNotAllowed();
      refusedByServer(response, "method not allowed", method, "(webhook endpoint)");
      return response;
    }
    if (contentLength > maxBodyBytes) {
      WebhookResponse response = WebhookResponse.payloadTooLarge(maxBodyBytes);
      refusedByServer(response, "body too large", method, "(webhook endpoint)");
      return response;
    }
    Admission admission = admit(requestHeaders);
    if (admission.refusal() != null) {
      return admission.refusal();
    }
    if (!admission.needsBody()) {
      long bodyBytes = BodyReader.discard(body, maxBodyBytes + 1L);
      return receiveAdmitted(requestHeaders, admission, null, bodyBytes);
    }
    BodyReader.Body read = BodyReader.read(body, contentLength, maxBodyBytes, bodies);
    if (read.tooLarge()) {
      return receiveAdmitted(requestHeaders, admission, null, maxBodyBytes + 1L);
    }
    if (read.overBudget()) {
      WebhookResponse response = WebhookResponse.unavailable("too many request bodies in memory; retry later");
      refusedByServer(response, "bodies in memory at their bound", method, "(webhook endpoint)");
      return response;
    }
    try {
      return receiveAdmitted(requestHeaders, admission, read.bytes(), read.bytes().length);
    } finally {
      bodies.giveBack(read.taken());
    }
  }

  private WebhookResponse verifyDecodeDispatch(Map<String, List<String>> headers, byte[] body, long started) {
    if (body.length > maxBodyBytes) {
      return rejected(WebhookResponse.payloadTooLarge(maxBodyBytes), "body too large", "body too large", started);
    }
    List<String> signatures = SignatureHeaders.valuesIn(headers);
    WebhookResponse refused = refusalByHeaders(headers, signatures, started);
    if (refused != null) {
      return refused;
    }
    Verification verification = verifier.verify(signatures.get(0), body);
    if (verification instanceof Verification.Rejected rejected) {
      return rejected(WebhookResponse.unauthorized(rejected.reason()), rejected.reason(), rejected.reason(), started);
    }
    return decodeDispatch((Verification.Verified) verification, started);
  }

  /** What the content type and the signature headers ({@code signatures}, found among {@code headers}) alone refuse, or null. */
  private WebhookResponse refusalByHeaders(Map<String, List<String>> headers, List<String> signatures, long started) {
    if (!RequestHeaders.isJson(RequestHeaders.first(headers, "Content-Type"))) {
      return rejected(WebhookResponse.unsupportedMediaType(), "content type", "content type is not JSON", started);
    }
    if (signatures.isEmpty()) {
      return rejected(WebhookResponse.unauthorized("missing signature"), "missing signature", "missing signature", started);
    }
    if (signatures.size() > 1) {
      return rejected(WebhookResponse.unauthorized("conflicting signature headers"), "conflicting signatures", "conflicting signatures", started);
    }
    return null;
  }

  private WebhookResponse decodeDispatch(Verification.Verified verified, long started) {
    List<WebhookEvent> events;
    if (tap != null) {
      tap.verified(verified.scheme().name(), verified.payload().length);
    }
    try {
      events = events(decoder.decode(verified.payload()), verified.payload());
    } catch (TooManyEventsException e) {
      return rejected(WebhookResponse.tooManyEvents(e.getMessage()), "too many events", e.getMessage(), started);
    } catch (MalformedEventsException e) {
      return rejected(WebhookResponse.badRequest(e.getMessage()), "malformed payload", e.getMessage(), started);
    }
    if (tap != null) {
      tap.decoded(events.stream().map(WebhookEvent::type).toList(), events.stream().map(WebhookEvent::json).toList());
    }
    WebhookResponse response = inbox == null ? WebhookResponse.dispatched(dispatch.dispatchAll(events)) : store(events, started);
    if (response.status() == 200) {
      log.delivered(response, events, verified.scheme(), started);
    }
    return response;
  }

  /** Stores the events that have a handler in the inbox, all or none; the others are answered as unhandled. */
  private WebhookResponse store(List<WebhookEvent> events, long started) {
    List<WebhookEvent> queued = new ArrayList<>(events.size());
    for (WebhookEvent event : events) {
      if (dispatcher.resultFor(event.type()) != DispatchResult.UNHANDLED) {
        queued.add(event);
      }
    }
    if (!queued.isEmpty()) {
      try {
        storeWaiting(queued);
      } catch (InboxUnavailableException failure) {
        WebhookResponse response = WebhookResponse.notStored();
        if (listener.active) {
          listener.requestRejected(response.status(), "inbox unavailable");
        }
        log.notStored(response, failure, started);
        return response;
      }
    }
    return WebhookResponse.queued(events.size(), queued.size(), events.size() - queued.size());
  }

  /** Stores in the inbox; on the embedded server's threads, without holding one of its few running slots while the commit is awaited. */
  private void storeWaiting(List<WebhookEvent> queued) throws InboxUnavailableException {
    ExchangeScheduler.Slot slot = ExchangeScheduler.current();
    if (slot == null) {
      inbox.store(queued);
      return;
    }
    slot.waitOutside(() -> inbox.store(queued));
  }

  /**
   * Whether this receiver can take events now, for health checks: with an inbox, whether the inbox
   * can store them.
   *
   * @return null when it can, or why it cannot
   */
  public String unavailableReason() {
    return inbox == null ? null : inbox.unavailableReason();
  }

  /**
   * Decides what to do with a call from its headers alone, before any byte of its body is read: the
   * embedded server asks this first, so that what can be refused is refused without buffering a body.
   * A call signed in one of the {@code SIGNED_*} schemes is verified here already (its JSON travels in
   * the header), and never needs its body.
   */
  Admission admit(Map<String, List<String>> headers) {
    long started = System.nanoTime();
    List<String> signatures = SignatureHeaders.valuesIn(headers);
    WebhookResponse refused = refusalByHeaders(headers, signatures, started);
    if (refused == null) {
      String header = signatures.get(0);
      Verification verification = SignatureVerifier.signsTheBody(header) ? verifier.refusalWithoutBody(header) : verifier.verify(header, EMPTY);
      if (verification instanceof Verification.Rejected rejected) {
        refused = rejected(WebhookResponse.unauthorized(rejected.reason()), rejected.reason(), rejected.reason(), started);
      } else {
        return new Admission(null, (Verification.Verified) verification, started);
      }
    }
    if (listener.active) {
      listener.requestReceived(0);
      listener.requestCompleted(refused, System.nanoTime() - started);
    }
    return new Admission(refused, null, started);
  }

  /**
   * Receives a call {@link #admit} let through, once its body has arrived: read into {@code body} for
   * a {@code BODY_HEX} signature, or read and discarded ({@code bodyBytes} of it) for the others.
   */
  WebhookResponse receiveAdmitted(Map<String, List<String>> headers, Admission admission, byte[] body, long bodyBytes) {
    if (listener.active) {
      listener.requestReceived((int) Math.min(Integer.MAX_VALUE, bodyBytes));
    }
    WebhookResponse response;
    if (bodyBytes > maxBodyBytes) {
      response = rejected(WebhookResponse.payloadTooLarge(maxBodyBytes), "body too large", "body too large", admission.started());
    } else if (admission.verified() != null) {
      response = decodeDispatch(admission.verified(), admission.started());
    } else {
      response = verifyDecodeDispatch(headers, body, admission.started());
    }
    if (listener.active) {
      listener.requestCompleted(response, System.nanoTime() - admission.started());
    }
    return response;
  }

  /**
   * What {@link #admit} decided: a refusal to answer at once, or a call to receive once its body has
   * arrived, already verified when it is signed in its header.
   *
   * @param refusal the answer, if the call is refused
   * @param verified the verified payload of a call signed in its header; null when the body signs it
   * @param started when the call was admitted, by {@link System#nanoTime()}
   */
  record Admission(WebhookResponse refusal, Verification.Verified verified, long started) {
    /** {@return whether the body must be read into memory to verify the call} */
    boolean needsBody() {
      return refusal == null && verified == null;
    }
  }

  /**
   * The same receiver, reporting to {@code tap} what it verifies, decodes and dispatches: the delivery
   * console's view. This receiver is unchanged.
   */
  WebhookReceiver observedBy(ReceiverTap tap) {
    return new WebhookReceiver(settings, tap);
  }

  /** {@return the inbox events are stored in, or null} */
  EventInbox inbox() {
    return inbox;
  }

  /**
   * Headers that sign {@code body} with this receiver's first secret, in the first scheme it accepts
   * (the console's samples go through the real verification). The secret stays in here.
   */
  Map<String, List<String>> signedHeaders(byte[] body) {
    SignatureScheme scheme = settings.schemes.contains(SignatureScheme.SIGNED_HEX) ? SignatureScheme.SIGNED_HEX : settings.schemes.iterator().next();
    return Map.of(
        "Content-Type", List.of(WebhookResponse.CONTENT_TYPE),
        WebhookSigner.HEADER_NAME, List.of(WebhookSigner.sign(scheme, settings.secrets.get(0), body)));
  }

  /** Logs an answer the embedded server gave on its own (a wrong path or method, saturation). */
  void refusedByServer(WebhookResponse response, String key, String method, String path) {
    if (listener.active) {
      listener.requestRejected(response.status(), key);
    }
    log.refusedByServer(response, key, method, path);
  }

  private WebhookResponse rejected(WebhookResponse response, String key, String reason, long started) {
    if (listener.active) {
      listener.requestRejected(response.status(), reason);
    }
    log.refused(response, key, reason, started);
    return response;
  }

  private static List<WebhookEvent> events(EventDecoder.Decoded decoded, byte[] payload) {
    List<JsonNode> objects = decoded.events();
    if (decoded.single()) { // the payload is this event's JSON: kept for jsonBytes()
      JsonNode object = objects.get(0);
      return List.of(new WebhookEvent(object.get("type").textValue(), object, payload));
    }
    List<WebhookEvent> events = new ArrayList<>(objects.size());
    for (JsonNode object : objects) {
      events.add(new WebhookEvent(object.get("type").textValue(), object));
    }
    return events;
  }

  @Override
  public String toString() {
    return description;
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
    private EventInbox inbox;
    private Duration refusalLogInterval = DeliveryLog.DEFAULT_REFUSAL_INTERVAL;
    private LongSupplier refusalLogClock = System::nanoTime;

    private Builder() {}

    /** A copy of these settings, so that a receiver keeps what it was built with. */
    private Builder copy() {
      Builder copy = new Builder();
      copy.secrets = secrets;
      copy.dispatcher = dispatcher;
      copy.schemes = EnumSet.copyOf(schemes);
      copy.maxBodyBytes = maxBodyBytes;
      copy.maxEvents = maxEvents;
      copy.deduplication = deduplication;
      copy.listener = listener;
      copy.inbox = inbox;
      copy.refusalLogInterval = refusalLogInterval;
      copy.refusalLogClock = refusalLogClock;
      return copy;
    }

    /** How often a refusal is logged at most, per reason, timed by {@code clock}; a minute by default (tests set both). */
    Builder refusalLogging(Duration interval, LongSupplier clock) {
      this.refusalLogInterval = Objects.requireNonNull(interval, "interval");
      this.refusalLogClock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The webhook secret from HrFlow's settings (its UTF-8 bytes key the HMAC), typically {@code
     * System.getenv("HRFLOW_WEBHOOK_SECRET")}.
     *
     * @return this builder
     * @throws IllegalArgumentException if {@code secret} is null or blank, with a message that says
     *     where a secret comes from
     */
    public Builder secret(String secret) {
      return secrets(java.util.Collections.singletonList(secret));
    }

    /**
     * Several webhook secrets, any one of which may verify a request: during a rotation, the old and
     * the new.
     *
     * @return this builder
     * @throws IllegalArgumentException if the list is empty or holds a null or blank secret
     */
    public Builder secrets(List<String> secrets) {
      if (secrets == null || secrets.isEmpty()) {
        throw new IllegalArgumentException(MISSING_SECRET);
      }
      for (String secret : secrets) {
        if (secret == null || secret.isBlank()) {
          throw new IllegalArgumentException(MISSING_SECRET);
        }
      }
      this.secrets = List.copyOf(secrets);
      return this;
    }

    /**
     * The dispatcher events go to, such as {@code new RecruitingHooksDispatcher(handler)}.
     *
     * @return this builder
     */
    public Builder dispatcher(WebhookDispatcher dispatcher) {
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
      return this;
    }

    /**
     * Accepts only these signature schemes; by default all four are accepted.
     *
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
     * Stores verified events in {@code inbox} instead of handling them during the request: the answer
     * is 200 once they are committed, and handlers run afterwards, off the request, with retries (see
     * the {@code hrflow-webhook-inbox} module's {@code WebhookInbox}). Events without a handler are
     * not stored. The dispatcher given here still decides which events have a handler; the inbox runs
     * them. Deduplication, if wanted, is the inbox's (shared by every node on its database); combining
     * it with {@link #deduplicate} is refused.
     *
     * @return this builder
     */
    public Builder inbox(EventInbox inbox) {
      this.inbox = Objects.requireNonNull(inbox, "inbox");
      return this;
    }

    /**
     * The receiver.
     *
     * @throws IllegalStateException if no secret or no dispatcher was given, or deduplication was set
     *     on both the receiver and its inbox
     */
    public WebhookReceiver build() {
      if (secrets.isEmpty()) {
        throw new IllegalStateException(MISSING_SECRET);
      }
      if (dispatcher == null) {
        throw new IllegalStateException("set the dispatcher with dispatcher(new YourHooksDispatcher(handler))");
      }
      if (inbox != null && deduplication != null) {
        throw new IllegalStateException(
            "with an inbox, deduplicate in the inbox (WebhookInbox.builder().deduplicate(true)), where every node shares it;"
                + " remove deduplicate(...) from the receiver");
      }
      return new WebhookReceiver(this);
    }

    @Override
    public String toString() {
      return "WebhookReceiver.Builder[secrets=" + secrets.size() + " (hidden)]";
    }
  }
}
