package ai.hrflow.webhook.hrjson;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;

/**
 * A job a profile held.
 *
 * @param key the experience's key (sent as {@code key} or {@code content_uid})
 * @param title the position
 * @param company the employer
 * @param description what the person did
 * @param dateStart when it began (an ISO string or HrFlow's date object)
 * @param dateEnd when it ended, or null if it goes on
 * @param location where it took place
 * @param skills skills used; never null
 * @param certifications certifications gained; never null
 * @param courses courses taken; never null
 * @param tasks tasks performed; never null
 * @param languages languages used; never null
 * @param interests interests shown; never null
 * @param logo a link to the employer's logo
 */
public record Experience(
    @JsonAlias("content_uid") String key,
    String title,
    String company,
    String description,
    Instant dateStart,
    Instant dateEnd,
    Location location,
    List<Skill> skills,
    List<Trait> certifications,
    List<Trait> courses,
    List<Trait> tasks,
    List<Trait> languages,
    List<Trait> interests,
    String logo) {

  /**
   * Replaces missing lists with empty ones.
   */
  public Experience {
    skills = NullFree.list(skills);
    certifications = NullFree.list(certifications);
    courses = NullFree.list(courses);
    tasks = NullFree.list(tasks);
    languages = NullFree.list(languages);
    interests = NullFree.list(interests);
  }
}
