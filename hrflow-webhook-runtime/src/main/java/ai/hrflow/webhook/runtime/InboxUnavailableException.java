package ai.hrflow.webhook.runtime;

/**
 * An {@link EventInbox} cannot store events now: nothing of the request was stored, and the sender
 * is told to retry.
 */
public final class InboxUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * An inbox that cannot store events, for {@code reason}.
   *
   * @param reason what is wrong, in words an operator acts on; sent to nobody, logged
   * @param cause the underlying failure, or null
   */
  public InboxUnavailableException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
