package ai.hrflow.webhook.hrjson;

import java.time.Instant;

/**
 * A named period of a job, such as its start date range.
 *
 * @param name what the range is
 * @param valueMin the start, or null
 * @param valueMax the end, or null
 */
public record DateRange(String name, Instant valueMin, Instant valueMax) {}
