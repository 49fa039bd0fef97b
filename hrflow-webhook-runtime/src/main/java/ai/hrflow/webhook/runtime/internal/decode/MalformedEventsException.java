package ai.hrflow.webhook.runtime.internal.decode;

/** The verified payload is not a JSON event or array of events; the message says what is wrong. */
public class MalformedEventsException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * A payload rejected for {@code reason}, in words safe to send back and to log.
   */
  public MalformedEventsException(String reason) {
    super(reason, null, false, false);
  }
}
