/**
 * The typed views of HrFlow webhook events a handler method receives: {@link
 * ai.hrflow.webhook.payload.ProfilePayload}, {@link ai.hrflow.webhook.payload.JobPayload} and {@link
 * ai.hrflow.webhook.payload.ActionPayload}, and the {@link ai.hrflow.webhook.payload.EventTypes}
 * constants.
 *
 * <p>Everything here is generated from the event catalog ({@link ai.hrflow.webhook.catalog.EventType})
 * by the annotation processor while this module is built.
 */
@PayloadsFromCatalog
package ai.hrflow.webhook.payload;
