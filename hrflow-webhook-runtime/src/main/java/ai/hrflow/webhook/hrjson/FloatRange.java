package ai.hrflow.webhook.hrjson;

/**
 * A named numeric range of a job, such as its salary.
 *
 * @param name what the range is, such as {@code salary}
 * @param unit the unit, such as {@code EUR}
 * @param valueMin the lower bound, or null
 * @param valueMax the upper bound, or null
 */
public record FloatRange(String name, String unit, Double valueMin, Double valueMax) {}
