package ai.hrflow.webhook.catalog;

/** Where an event type is documented: how far a user can rely on HrFlow actually sending it. */
public enum DocumentedIn {
  /** HrFlow's "Webhook Events" page, the page this project was created from. */
  SEED("seed", "HrFlow's Webhook Events page"),
  /** The current developer portal, developers.hrflow.ai. */
  PORTAL("portal", "developers.hrflow.ai"),
  /** An official HrFlow SDK (python-hrflow-api, javascript-hrflow-api). */
  SDK("SDK", "an official HrFlow SDK"),
  /** Not documented; inferred by symmetry with the profile events the portal lists. */
  INFERRED("inferred", "inferred by symmetry with the documented profile events"),
  /** The Riminder-era SDKs (Java, Node, PHP, Go, Ruby, C#), before the HrFlow rename. */
  LEGACY("legacy", "the Riminder-era SDKs");

  private final String label;
  private final String source;

  DocumentedIn(String label, String source) {
    this.label = label;
    this.source = source;
  }

  /** {@return A one-word label for documentation tables} */
  public String label() {
    return label;
  }

  /** {@return the document or code this type was found in} */
  public String source() {
    return source;
  }
}
