package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.runtime.WebhookSigner;
import java.util.List;
import java.util.Map;

/**
 * The receivers the benchmarks measure, as users build them: default settings, the default logging
 * configuration, and one of two handlers.
 */
public final class BenchmarkReceivers {

  /** What the handler does with its event. */
  public enum Handler {
    /** Nothing: the payload is never read. */
    UNREAD,
    /** Reads the profile as real handlers do ({@link ReadingHandler}). */
    READING;

    BenchmarkHooks hooks() {
      return this == UNREAD ? (ProfilePayload event) -> {} : new ReadingHandler();
    }
  }

  private BenchmarkReceivers() {}

  /** A receiver verifying with {@code secret} over {@code handler}. */
  static WebhookReceiver create(String secret, Handler handler) {
    return WebhookReceiver.builder().secret(secret).dispatcher(new BenchmarkHooksDispatcher(handler.hooks())).build();
  }

  /** {@link #create}, checked to answer 200 to {@code body} with {@code headers}. */
  static WebhookReceiver checked(String secret, Handler handler, Map<String, List<String>> headers, byte[] body) {
    WebhookReceiver receiver = create(secret, handler);
    WebhookResponse check = receiver.receive(headers, body);
    if (check.status() != 200) {
      throw new IllegalStateException("benchmark request refused: " + check);
    }
    return receiver;
  }

  /** The headers that sign {@code body} in {@code scheme}. */
  static Map<String, List<String>> signed(SignatureScheme scheme, String secret, byte[] body) {
    return Map.of(WebhookSigner.HEADER_NAME, List.of(WebhookSigner.sign(scheme, secret, body)));
  }
}
