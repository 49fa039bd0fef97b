package ai.hrflow.webhook.runtime;

/** What a {@link WebhookDispatcher} did with one event. */
public enum DispatchResult {
  /** The method bound to the event's type ran and returned normally. */
  HANDLED,
  /** No method is bound to the event's type; the {@code @OnEvent("*")} fallback ran and returned. */
  FALLBACK,
  /** No method is bound to the event's type and there is no fallback; nothing ran. */
  UNHANDLED
}
