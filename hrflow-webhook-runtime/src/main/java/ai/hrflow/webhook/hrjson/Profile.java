package ai.hrflow.webhook.hrjson;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An HR-JSON profile: a candidate as HrFlow parsed and stored it.
 *
 * <p>Every list is non-null (empty when absent); every other component is null when absent or of
 * an unexpected shape. The event's {@code raw()} JSON keeps every field, including those not here.
 *
 * @param id the profile's id
 * @param key the profile's key, HrFlow's identifier (Riminder-era senders: {@code profile_id})
 * @param reference your own identifier for the profile (Riminder-era senders: {@code profile_reference})
 * @param archivedAt when the profile was archived, or null (sent as {@code archived_at} or {@code archive})
 * @param consentAlgorithmic the algorithmic-processing consent object, as sent
 * @param source the source the profile is stored in
 * @param createdAt when the profile was created
 * @param updatedAt when the profile was last changed
 * @param info who the person is
 * @param text the full text of the profile's document
 * @param textLanguage the language of {@code text}, such as {@code en}
 * @param experiences jobs held
 * @param educations studies followed
 * @param experiencesDuration total years of experience
 * @param educationsDuration total years of education
 * @param attachments attached files
 * @param languages spoken languages
 * @param tags tags set by you or HrFlow
 * @param metadatas free-form metadata
 * @param labels recruiters' verdicts for jobs
 */
public record Profile(
    String id,
    @JsonAlias("profile_id") String key,
    @JsonAlias("profile_reference") String reference,
    @JsonAlias("archive") Instant archivedAt,
    JsonNode consentAlgorithmic,
    Source source,
    Instant createdAt,
    Instant updatedAt,
    Info info,
    String text,
    String textLanguage,
    List<Experience> experiences,
    List<Education> educations,
    Double experiencesDuration,
    Double educationsDuration,
    List<Attachment> attachments,
    List<Skill> skills,
    List<Trait> languages,
    List<Trait> interests,
    List<Trait> certifications,
    List<Trait> courses,
    List<Trait> tasks,
    List<Trait> tags,
    List<Trait> metadatas,
    List<Label> labels) {

  /**
   * Replaces missing lists with empty ones.
   */
  public Profile {
    experiences = NullFree.list(experiences);
    educations = NullFree.list(educations);
    attachments = NullFree.list(attachments);
    skills = NullFree.list(skills);
    languages = NullFree.list(languages);
    interests = NullFree.list(interests);
    certifications = NullFree.list(certifications);
    courses = NullFree.list(courses);
    tasks = NullFree.list(tasks);
    tags = NullFree.list(tags);
    metadatas = NullFree.list(metadatas);
    labels = NullFree.list(labels);
  }
}
