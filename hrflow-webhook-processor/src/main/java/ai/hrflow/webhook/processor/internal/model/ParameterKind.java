package ai.hrflow.webhook.processor.internal.model;

/** How a handler method takes its event. */
public enum ParameterKind {
  /** The payload record of the event type's family, such as {@code ProfilePayload}. */
  PAYLOAD,
  /** The untyped {@code WebhookEvent}. */
  EVENT,
  /** Anything else, or not exactly one parameter: a mistake the validator reports. */
  INVALID
}
