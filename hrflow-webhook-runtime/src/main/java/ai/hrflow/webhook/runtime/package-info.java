/**
 * Receives HrFlow webhooks: {@link ai.hrflow.webhook.runtime.WebhookReceiver} verifies, decodes and
 * dispatches one call, framework-agnostic; {@link ai.hrflow.webhook.runtime.WebhookServer} serves it
 * on the JDK's own HTTP server; {@link ai.hrflow.webhook.runtime.WebhookSigner} and {@link
 * ai.hrflow.webhook.runtime.SignatureVerifier} sign and check signatures for tools and tests.
 *
 * <p>A handler interface annotated {@code @HrFlowWebhook} gets a generated {@code
 * <Interface>Dispatcher}, a {@link ai.hrflow.webhook.runtime.WebhookDispatcher} that calls its
 * methods without reflection. Its methods take the payload records of {@code
 * ai.hrflow.webhook.payload}, which are generated too: the annotation processor writes them from the
 * event catalog ({@code ai.hrflow.webhook.catalog.EventType}) while this module is built, so that no
 * hand-written copy of the catalog exists.
 */
package ai.hrflow.webhook.runtime;
