/** {@code @HrFlowWebhook}, {@code @OnEvent} and the catalog of HrFlow event types. No dependencies. */
module ai.hrflow.webhook.annotations {
  exports ai.hrflow.webhook;
  exports ai.hrflow.webhook.catalog;
}
