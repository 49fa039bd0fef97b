package ai.hrflow.webhook.catalog;

/** How many events of a type HrFlow sends, as its documentation states it. */
public enum Volume {
  /** Documented as high volume: one event per parsed or indexed document. */
  HIGH("high"),
  /** Documented as medium volume. */
  MEDIUM("medium"),
  /** Documented as low volume. */
  LOW("low"),
  /** HrFlow documents no volume for this type. */
  UNDOCUMENTED("undocumented");

  private final String label;

  Volume(String label) {
    this.label = label;
  }

  /** {@return the lower-case word used in documentation tables} */
  public String label() {
    return label;
  }
}
