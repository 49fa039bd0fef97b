/**
 * HR-JSON, HrFlow's model of profiles and jobs, as Java records with Java-style accessors ({@code
 * full_name} is {@code info().fullName()}).
 *
 * <p>Lists are never null. Binding is lenient: unknown fields are ignored, every date form HrFlow
 * uses parses to an {@link java.time.Instant}, and a field of an unexpected shape becomes null
 * instead of failing the event; the event's raw JSON keeps the original. The records are built from
 * the event's JSON tree by binders the annotation processor generates from them while this module is
 * built: no reflection, and no second parse of the JSON.
 */
@BindersFromRecords
package ai.hrflow.webhook.hrjson;
