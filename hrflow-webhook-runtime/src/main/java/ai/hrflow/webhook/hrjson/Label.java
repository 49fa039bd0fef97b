package ai.hrflow.webhook.hrjson;

import java.time.Instant;

/**
 * A recruiter's verdict on a profile for a job.
 *
 * @param jobKey the key of the job
 * @param jobReference the reference of the job
 * @param boardKey the key of the job's board
 * @param stage {@code new}, {@code yes}, {@code no} or {@code later}
 * @param rating the rating given (sent as a float, an int or a numeric string), or null
 * @param dateStage when the stage was set
 * @param dateRating when the rating was given
 */
public record Label(
    String jobKey, String jobReference, String boardKey, String stage, Double rating, Instant dateStage, Instant dateRating) {}
