package ai.hrflow.webhook.spring;

/**
 * The HrFlow webhook configuration cannot work as set: start-up fails, and {@link
 * HrFlowWebhookFailureAnalyzer} tells what is wrong and what to set.
 */
public class HrFlowWebhookConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String action;

  /**
   * A failure, in two parts as Spring Boot shows them.
   *
   * @param description what is wrong
   * @param action what to do about it
   */
  public HrFlowWebhookConfigurationException(String description, String action) {
    super(description + " " + action);
    this.action = action;
  }

  /** {@return what is wrong} */
  public String description() {
    String message = getMessage();
    return message.substring(0, message.length() - action.length() - 1);
  }

  /** {@return what to do about it} */
  public String action() {
    return action;
  }
}
