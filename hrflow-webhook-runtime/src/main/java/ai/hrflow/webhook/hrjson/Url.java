package ai.hrflow.webhook.hrjson;

/**
 * A link on a profile.
 *
 * @param type what the link is, such as {@code linkedin}, {@code github} or {@code from_resume}
 * @param url the address
 */
public record Url(String type, String url) {}
