package ai.hrflow.webhook.hrjson;

/**
 * The board (a folder of jobs) a job is stored in.
 *
 * @param key the board's key
 * @param name the board's name
 * @param type the board's type
 * @param subtype the board's subtype
 * @param environment the board's environment, such as {@code production}
 */
public record Board(String key, String name, String type, String subtype, String environment) {}
