package ai.hrflow.webhook.hrjson;

/**
 * A titled part of a job description.
 *
 * @param name the section's identifier
 * @param title the section's title
 * @param description the section's text
 */
public record Section(String name, String title, String description) {}
