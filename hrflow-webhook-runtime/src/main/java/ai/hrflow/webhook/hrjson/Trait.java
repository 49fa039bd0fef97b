package ai.hrflow.webhook.hrjson;

/**
 * A named value: the shape HR-JSON uses for languages, interests, certifications, courses, tasks,
 * tags and metadatas.
 *
 * @param name the name, such as {@code English}
 * @param value the value as text (numbers as written), or null if absent or not a scalar
 */
public record Trait(String name, String value) {}
