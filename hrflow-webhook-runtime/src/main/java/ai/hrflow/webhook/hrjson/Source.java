package ai.hrflow.webhook.hrjson;

/**
 * The source (a folder of profiles) a profile is stored in.
 *
 * @param id the source's numeric id, as text
 * @param key the source's key
 * @param name the source's name
 * @param type the source's type, such as {@code api}
 * @param subtype the source's subtype
 */
public record Source(String id, String key, String name, String type, String subtype) {}
