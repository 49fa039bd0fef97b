/**
 * A test kit for your handlers: {@link ai.hrflow.webhook.testing.SampleEvents} has a realistic sample
 * event for every event type, {@link ai.hrflow.webhook.testing.WebhookTester} sends them correctly
 * signed to a dispatcher, a receiver or a running server.
 */
package ai.hrflow.webhook.testing;
