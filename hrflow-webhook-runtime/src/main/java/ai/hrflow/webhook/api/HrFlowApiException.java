package ai.hrflow.webhook.api;

import java.io.IOException;
import java.net.URI;

/**
 * An HrFlow API call failed: HrFlow refused it (a non-2xx status or a {@code code} other than 200),
 * answered something unreadable, or could not be reached in time. The API key is never part of the
 * message.
 */
public final class HrFlowApiException extends IOException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** HrFlow answered, and refused: see {@link #httpStatus}, {@link #hrflowCode}, {@link #hrflowMessage}. */
    REFUSED,
    /** HrFlow answered something that is not its JSON envelope. */
    MALFORMED_RESPONSE,
    /** HrFlow could not be reached: connection refused, DNS, TLS, reset. */
    NETWORK,
    /** HrFlow did not answer within the time-out. */
    TIMEOUT
  }

  /** What went wrong. */
  private final Kind kind;
  /** The URL that was called. */
  private final URI url;
  /** The HTTP status, or -1. */
  private final int httpStatus;
  /** HrFlow's code, or -1. */
  private final int hrflowCode;
  /** HrFlow's message with the API key masked, or null. */
  private final String hrflowMessage;

  HrFlowApiException(Kind kind, URI url, int httpStatus, int hrflowCode, String hrflowMessage, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.url = url;
    this.httpStatus = httpStatus;
    this.hrflowCode = hrflowCode;
    this.hrflowMessage = hrflowMessage;
  }

  /** {@return what went wrong} */
  public Kind kind() {
    return kind;
  }

  /** {@return the URL that was called} */
  public URI url() {
    return url;
  }

  /** {@return the HTTP status HrFlow answered, or -1 if it did not answer} */
  public int httpStatus() {
    return httpStatus;
  }

  /** {@return the {@code code} of HrFlow's answer, or -1 if there was none} */
  public int hrflowCode() {
    return hrflowCode;
  }

  /** {@return the {@code message} of HrFlow's answer (the API key masked), or null if there was none} */
  public String hrflowMessage() {
    return hrflowMessage;
  }
}
