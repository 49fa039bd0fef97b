package ai.hrflow.webhook.runtime.internal.decode;

/** The payload is an array of more events than the receiver accepts in one request. */
public final class TooManyEventsException extends MalformedEventsException {

  private static final long serialVersionUID = 1L;

  /**
   * A payload refused for holding more than {@code limit} events.
   */
  public TooManyEventsException(int limit) {
    super("payload holds more than " + limit + " events");
  }
}
