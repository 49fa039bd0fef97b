package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.runtime.SignatureScheme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code hrflow.webhook.*} properties. */
@ConfigurationProperties("hrflow.webhook")
public class HrFlowWebhookProperties {

  /** Whether to receive HrFlow webhooks at all: false turns the whole auto-configuration off. */
  private boolean enabled = true;

  /**
   * The webhook's signing secret, as HrFlow shows it in the webhook's settings. Required (or
   * secrets). Keep it out of source control: set it from the environment, for instance
   * HRFLOW_WEBHOOK_SECRET.
   */
  private String secret;

  /**
   * Several signing secrets, for rotation: a call signed with any of them is accepted. Used with or
   * instead of secret.
   */
  private List<String> secrets = new ArrayList<>();

  /** The path the endpoint is served on, by the application's own web server. */
  private String path = "/webhooks";

  /** The largest request body accepted, in bytes; larger calls are answered 413. */
  private int maxBodyBytes = 5_242_880; // WebhookReceiver.DEFAULT_MAX_BODY_BYTES as a literal, for the metadata (a test compares them)

  /** The signature schemes accepted; all of them when empty. */
  private List<SignatureScheme> schemes = new ArrayList<>();

  /**
   * Whether a delivery of an event already handled (same type and JSON) is acknowledged without
   * running its handlers again: in memory without the inbox, in the inbox's database with it.
   */
  private boolean deduplicate;

  /** The durable inbox. */
  private final Inbox inbox = new Inbox();

  /** The durable inbox: events committed to the application's DataSource before the 200, handled afterwards with retries. */
  public static class Inbox {

    /**
     * Whether events are stored in the inbox (on the application's DataSource, PostgreSQL or H2)
     * before the call is answered, and handled afterwards, retried when their handler throws. Needs
     * ai.hrflow:hrflow-webhook-inbox and a DataSource.
     */
    private boolean enabled;

    /** How many handlers run at once on this node. */
    private int workers = 64;

    /** How many attempts an event gets before it is dead (kept, counted, replayable). */
    private int maxAttempts = 10;

    /** The delay before an event's second attempt; it doubles for each later one. */
    private Duration firstRetry = Duration.ofSeconds(10);

    /** The longest delay between two attempts. */
    private Duration maxRetry = Duration.ofHours(1);

    /** How often an idle node looks for due events (events stored on this node start at once). */
    private Duration pollingInterval = Duration.ofSeconds(2);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getWorkers() {
      return workers;
    }

    public void setWorkers(int workers) {
      this.workers = workers;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getFirstRetry() {
      return firstRetry;
    }

    public void setFirstRetry(Duration firstRetry) {
      this.firstRetry = firstRetry;
    }

    public Duration getMaxRetry() {
      return maxRetry;
    }

    public void setMaxRetry(Duration maxRetry) {
      this.maxRetry = maxRetry;
    }

    public Duration getPollingInterval() {
      return pollingInterval;
    }

    public void setPollingInterval(Duration pollingInterval) {
      this.pollingInterval = pollingInterval;
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public List<String> getSecrets() {
    return secrets;
  }

  public void setSecrets(List<String> secrets) {
    this.secrets = secrets;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public int getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public void setMaxBodyBytes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public List<SignatureScheme> getSchemes() {
    return schemes;
  }

  public void setSchemes(List<SignatureScheme> schemes) {
    this.schemes = schemes;
  }

  public boolean isDeduplicate() {
    return deduplicate;
  }

  public void setDeduplicate(boolean deduplicate) {
    this.deduplicate = deduplicate;
  }

  public Inbox getInbox() {
    return inbox;
  }

  /** {@return the secrets set, blank ones left out: secret first, then secrets} */
  List<String> allSecrets() {
    List<String> all = new ArrayList<>();
    if (secret != null && !secret.isBlank()) {
      all.add(secret);
    }
    for (String each : secrets) {
      if (each != null && !each.isBlank()) {
        all.add(each);
      }
    }
    return all;
  }

  /** The secrets stay out of logs and failure messages. */
  @Override
  public String toString() {
    return "HrFlowWebhookProperties[path=" + path + ", secrets=" + allSecrets().size() + " (hidden), inbox=" + inbox.enabled + "]";
  }
}
