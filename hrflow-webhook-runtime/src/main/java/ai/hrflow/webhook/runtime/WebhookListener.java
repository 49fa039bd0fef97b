package ai.hrflow.webhook.runtime;

/**
 * Observes a {@link WebhookReceiver}: requests, rejections, dispatches and handler failures, for
 * metrics and tracing. Every method does nothing by default; implement the ones you need. Methods
 * run on the request's thread and should be quick; an exception from one is logged and ignored.
 *
 * <pre>{@code
 * MeterRegistry registry = ...; // Micrometer
 * WebhookListener metrics = new WebhookListener() {
 *   public void requestRejected(int status, String reason) {
 *     registry.counter("hrflow.webhook.rejected", "status", String.valueOf(status)).increment();
 *   }
 *   public void eventDispatched(String type, DispatchResult result, long nanos) {
 *     registry.timer("hrflow.webhook.events", "type", type, "result", result.name()).record(nanos, TimeUnit.NANOSECONDS);
 *   }
 *   public void handlerFailed(String type, Throwable failure, long nanos) {
 *     registry.counter("hrflow.webhook.failures", "type", type, "exception", failure.getClass().getSimpleName()).increment();
 *   }
 * };
 * WebhookReceiver.builder()...listener(metrics).build();
 * }</pre>
 */
public interface WebhookListener {

  /** The listener that does nothing, the default. */
  WebhookListener NONE = new WebhookListener() {};

  /**
   * A request arrived with a body of {@code bodyBytes} bytes, before anything was checked.
   */
  default void requestReceived(int bodyBytes) {}

  /**
   * A request was refused before any handler ran: 401 (signature), 400 (payload) or 413 (limits).
   *
   * @param reason why, in words safe to log: never the secret, the signature or the payload
   */
  default void requestRejected(int status, String reason) {}

  /**
   * The handler of one event returned; {@code nanos} is how long the dispatch took.
   */
  default void eventDispatched(String type, DispatchResult result, long nanos) {}

  /**
   * The handler of one event threw {@code failure} after {@code nanos}; the request will get 500.
   */
  default void handlerFailed(String type, Throwable failure, long nanos) {}

  /**
   * A request was answered with {@code response} after {@code nanos}, whatever its outcome.
   */
  default void requestCompleted(WebhookResponse response, long nanos) {}
}
