/**
 * {@code @HrFlowWebhook}, {@code @OnEvent} and the catalog of HrFlow event types. No dependencies.
 *
 * <p>{@code ai.hrflow.webhook.catalog.internal} holds what the processor and the other modules of this
 * library need of the catalog (naming conventions, "did you mean" hints, the shape of payload
 * records); it is not API.
 */
@SuppressWarnings("module") // the modules named below are built after this one
module ai.hrflow.webhook.annotations {
  exports ai.hrflow.webhook;
  exports ai.hrflow.webhook.catalog;
  exports ai.hrflow.webhook.catalog.internal to
      ai.hrflow.webhook.processor,
      ai.hrflow.webhook.runtime,
      ai.hrflow.webhook.testing;
}
