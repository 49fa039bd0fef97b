package ai.hrflow.webhook.api;

/**
 * HrFlow's confirmation of a webhook, the answer of {@link HrFlowWebhookApi#check}.
 *
 * @param teamName the HrFlow team the webhook belongs to
 * @param webhookId HrFlow's id of the webhook
 * @param url the webhook URL HrFlow confirmed
 * @param type the event type HrFlow confirmed
 */
public record WebhookCheck(String teamName, String webhookId, String url, String type) {}
