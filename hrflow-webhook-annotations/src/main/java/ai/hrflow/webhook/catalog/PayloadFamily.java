package ai.hrflow.webhook.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The kind of object an event is about; it decides the payload record a handler receives.
 *
 * <p>Every payload record has {@code type()}, {@code origin()}, {@code message()} and {@code raw()};
 * {@link #components()} lists the fields a family adds.
 */
public enum PayloadFamily {
  /** Events about a profile (a candidate): the payload carries an HR-JSON {@code Profile}. */
  PROFILE(
      "ProfilePayload",
      "a profile",
      List.of("profile"),
      List.of(
          new PayloadComponent(
              "profile",
              List.of("profile"),
              PayloadFamily.HRJSON_PACKAGE + ".Profile",
              "the profile the event is about, or null if the event carries none"))),

  /** Events about a job; the Riminder-era name for a job was "filter". */
  JOB(
      "JobPayload",
      "a job",
      List.of("job", "filter"),
      List.of(
          new PayloadComponent(
              "job",
              List.of("job", "filter"),
              PayloadFamily.HRJSON_PACKAGE + ".Job",
              "the job the event is about (sent as {@code job}, or {@code filter} by older senders), or null"))),

  /** Events about an action a recruiter took on a profile for a job: a stage move or a rating. */
  ACTION(
      "ActionPayload",
      "a recruiter's action on a profile for a job",
      List.of("action"),
      List.of(
          new PayloadComponent(
              "profile",
              List.of("profile"),
              PayloadFamily.HRJSON_PACKAGE + ".Profile",
              "the profile acted on, or null"),
          new PayloadComponent(
              "job",
              List.of("job", "filter"),
              PayloadFamily.HRJSON_PACKAGE + ".Job",
              "the job the action was taken for (sent as {@code job} or {@code filter}), or null"),
          new PayloadComponent(
              "stage",
              List.of("stage"),
              "java.lang.String",
              "the stage the profile was moved to ({@code new}, {@code yes}, {@code no}, {@code later}), or null"),
          new PayloadComponent(
              "rating",
              List.of("rating"),
              "java.lang.Double",
              "the rating given (sent as a number or a numeric string), or null")));

  /** The package of the generated payload records. */
  public static final String PAYLOAD_PACKAGE = "ai.hrflow.webhook.payload";

  /** The package of the HR-JSON records ({@code Profile}, {@code Job}, ...). */
  public static final String HRJSON_PACKAGE = "ai.hrflow.webhook.hrjson";

  private final String payloadSimpleName;
  private final String subject;
  private final List<String> objectWords;
  private final List<PayloadComponent> components;

  PayloadFamily(
      String payloadSimpleName, String subject, List<String> objectWords, List<PayloadComponent> components) {
    this.payloadSimpleName = payloadSimpleName;
    this.subject = subject;
    this.objectWords = objectWords;
    this.components = components;
  }

  /** {@return the simple name of this family's payload record, such as {@code ProfilePayload}} */
  public String payloadSimpleName() {
    return payloadSimpleName;
  }

  /** {@return the fully qualified name of this family's payload record} */
  public String payloadClassName() {
    return PAYLOAD_PACKAGE + "." + payloadSimpleName;
  }

  /** {@return what events of this family are about, as a noun phrase ("a profile")} */
  public String subject() {
    return subject;
  }

  /** {@return the fields this family's payload record has beyond type, origin, message and raw} */
  public List<PayloadComponent> components() {
    return components;
  }

  /**
   * The family of an event type by its first word ({@code profile.*}, {@code job.*} or {@code
   * filter.*}, {@code action.*}), for types that are not in the catalog.
   *
   * @param type the type
   * @return the family of an event type by its first word ({@code profile.*}, {@code job.*} or {@code filter.*}, {@code action.*}), for types that are not in the catalog
   */
  public static Optional<PayloadFamily> ofTypeName(String type) {
    int dot = type.indexOf('.');
    String object = dot < 0 ? type : type.substring(0, dot);
    for (PayloadFamily family : values()) {
      if (family.objectWords.contains(object)) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }
}
