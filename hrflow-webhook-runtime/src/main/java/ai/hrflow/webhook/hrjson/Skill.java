package ai.hrflow.webhook.hrjson;

/**
 * A skill.
 *
 * @param name the skill, such as {@code Java}
 * @param type {@code hard} or {@code soft}
 * @param value a level or score as text (sent as a number or a string), or null
 */
public record Skill(String name, String type, String value) {}
