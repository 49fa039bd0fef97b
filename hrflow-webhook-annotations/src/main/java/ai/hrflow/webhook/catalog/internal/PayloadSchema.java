package ai.hrflow.webhook.catalog.internal;

import ai.hrflow.webhook.catalog.PayloadFamily;
import java.util.List;
import java.util.Optional;

/**
 * The payload record of each {@link PayloadFamily}, as the processor generates it: its name, what it is
 * about, the object words of the type names that belong to it, and the fields it adds to {@code
 * type()}, {@code origin()}, {@code message()} and {@code raw()}.
 */
public enum PayloadSchema {
  /** {@code ProfilePayload}: an HR-JSON {@code Profile}. */
  PROFILE(
      PayloadFamily.PROFILE,
      "ProfilePayload",
      "a profile",
      List.of("profile"),
      List.of(
          new PayloadComponent(
              "profile",
              List.of("profile"),
              PayloadSchema.HRJSON_PACKAGE + ".Profile",
              "the profile the event is about, or null if the event carries none"))),

  /** {@code JobPayload}: an HR-JSON {@code Job}; the Riminder-era name for a job was "filter". */
  JOB(
      PayloadFamily.JOB,
      "JobPayload",
      "a job",
      List.of("job", "filter"),
      List.of(
          new PayloadComponent(
              "job",
              List.of("job", "filter"),
              PayloadSchema.HRJSON_PACKAGE + ".Job",
              "the job the event is about (sent as {@code job}, or {@code filter} by older senders), or null"))),

  /** {@code ActionPayload}: a stage move or a rating of a profile for a job. */
  ACTION(
      PayloadFamily.ACTION,
      "ActionPayload",
      "a recruiter's action on a profile for a job",
      List.of("action"),
      List.of(
          new PayloadComponent("profile", List.of("profile"), PayloadSchema.HRJSON_PACKAGE + ".Profile", "the profile acted on, or null"),
          new PayloadComponent(
              "job",
              List.of("job", "filter"),
              PayloadSchema.HRJSON_PACKAGE + ".Job",
              "the job the action was taken for (sent as {@code job} or {@code filter}), or null"),
          new PayloadComponent(
              "stage",
              List.of("stage"),
              "java.lang.String",
              "the stage the profile was moved to ({@code new}, {@code yes}, {@code no}, {@code later}), or null"),
          new PayloadComponent(
              "rating", List.of("rating"), "java.lang.Double", "the rating given (sent as a number or a numeric string), or null")));

  /** The package of the generated payload records. */
  public static final String PAYLOAD_PACKAGE = "ai.hrflow.webhook.payload";

  /** The package of the HR-JSON records ({@code Profile}, {@code Job}, ...). */
  public static final String HRJSON_PACKAGE = "ai.hrflow.webhook.hrjson";

  private final PayloadFamily family;
  private final String payloadSimpleName;
  private final String subject;
  private final List<String> objectWords;
  private final List<PayloadComponent> components;

  PayloadSchema(
      PayloadFamily family, String payloadSimpleName, String subject, List<String> objectWords, List<PayloadComponent> components) {
    this.family = family;
    this.payloadSimpleName = payloadSimpleName;
    this.subject = subject;
    this.objectWords = objectWords;
    this.components = components;
  }

  /** {@return the schema of {@code family}'s payload record} */
  public static PayloadSchema of(PayloadFamily family) {
    return valueOf(family.name());
  }

  /** {@return the family this schema describes} */
  public PayloadFamily family() {
    return family;
  }

  /** {@return the simple name of the payload record, such as {@code ProfilePayload}} */
  public String payloadSimpleName() {
    return payloadSimpleName;
  }

  /** {@return the fully qualified name of the payload record} */
  public String payloadClassName() {
    return PAYLOAD_PACKAGE + "." + payloadSimpleName;
  }

  /** {@return what events of this family are about, as a noun phrase ("a profile")} */
  public String subject() {
    return subject;
  }

  /** {@return the fields the payload record has beyond type, origin, message and raw} */
  public List<PayloadComponent> components() {
    return components;
  }

  /**
   * The family of a type by its first word ({@code profile.*}, {@code job.*} or {@code filter.*},
   * {@code action.*}), for types that are not in the catalog.
   */
  public static Optional<PayloadFamily> familyOfTypeName(String type) {
    int dot = type.indexOf('.');
    String object = dot < 0 ? type : type.substring(0, dot);
    for (PayloadSchema schema : values()) {
      if (schema.objectWords.contains(object)) {
        return Optional.of(schema.family);
      }
    }
    return Optional.empty();
  }
}
