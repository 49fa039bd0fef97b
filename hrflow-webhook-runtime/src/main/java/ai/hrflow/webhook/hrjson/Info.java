package ai.hrflow.webhook.hrjson;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;

/**
 * Who a profile is: name, contact details, location and summary.
 *
 * @param fullName the full name, such as {@code Ada Lovelace}
 * @param email the e-mail address
 * @param phone the phone number
 * @param dateBirth the date of birth (sent as {@code date_birth} or {@code birthdate})
 * @param location where the person lives
 * @param urls links such as LinkedIn or GitHub; never null
 * @param picture a link to a photo
 * @param gender the gender, as written
 * @param summary a short summary of the profile
 */
public record Info(
    String fullName,
    String firstName,
    String lastName,
    String email,
    String phone,
    @JsonAlias("birthdate") Instant dateBirth,
    Location location,
    List<Url> urls,
    String picture,
    String gender,
    String summary) {

  /**
   * Replaces a missing list with an empty one.
   */
  public Info {
    urls = NullFree.list(urls);
  }
}
