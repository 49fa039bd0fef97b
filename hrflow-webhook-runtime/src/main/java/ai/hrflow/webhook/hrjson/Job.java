package ai.hrflow.webhook.hrjson;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;

/**
 * An HR-JSON job: a position as HrFlow parsed and stored it.
 *
 * <p>Every list is non-null (empty when absent); every other component is null when absent or of
 * an unexpected shape. The event's {@code raw()} JSON keeps every field, including those not here.
 *
 * @param id the job's numeric id
 * @param key the job's key, HrFlow's identifier (Riminder-era senders: {@code filter_id})
 * @param reference your own identifier for the job (Riminder-era senders: {@code filter_reference})
 * @param boardKey the key of the board the job is stored in
 * @param board the board the job is stored in
 * @param createdAt when the job was created
 * @param updatedAt when the job was last changed
 * @param archivedAt when the job was archived, or null
 * @param name the job's title
 * @param url the job posting's address
 * @param summary a short description
 * @param location where the job is
 * @param sections the parts of the job description
 * @param culture the company culture, as written
 * @param benefits the benefits, as written
 * @param responsibilities the responsibilities, as written
 * @param requirements the requirements, as written
 * @param interviews the interview process, as written
 * @param rangesDate named date ranges, such as the start date
 * @param rangesFloat named numeric ranges, such as the salary
 * @param skills skills required
 * @param languages languages required
 * @param tags tags set by you or HrFlow
 * @param metadatas free-form metadata
 * @param certifications certifications required
 * @param courses courses required
 * @param tasks tasks of the position
 */
public record Job(
    Long id,
    @JsonAlias("filter_id") String key,
    @JsonAlias("filter_reference") String reference,
    String boardKey,
    Board board,
    Instant createdAt,
    Instant updatedAt,
    Instant archivedAt,
    String name,
    String url,
    String summary,
    Location location,
    List<Section> sections,
    String culture,
    String benefits,
    String responsibilities,
    String requirements,
    String interviews,
    List<DateRange> rangesDate,
    List<FloatRange> rangesFloat,
    List<Skill> skills,
    List<Trait> languages,
    List<Trait> tags,
    List<Trait> metadatas,
    List<Trait> certifications,
    List<Trait> courses,
    List<Trait> tasks) {

  /**
   * Replaces missing lists with empty ones.
   */
  public Job {
    sections = NullFree.list(sections);
    rangesDate = NullFree.list(rangesDate);
    rangesFloat = NullFree.list(rangesFloat);
    skills = NullFree.list(skills);
    languages = NullFree.list(languages);
    tags = NullFree.list(tags);
    metadatas = NullFree.list(metadatas);
    certifications = NullFree.list(certifications);
    courses = NullFree.list(courses);
    tasks = NullFree.list(tasks);
  }
}
