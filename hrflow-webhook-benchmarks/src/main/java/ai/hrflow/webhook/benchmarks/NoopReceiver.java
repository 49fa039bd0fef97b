package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.SignatureScheme;
import ai.hrflow.webhook.runtime.WebhookReceiver;
import ai.hrflow.webhook.runtime.WebhookResponse;
import ai.hrflow.webhook.runtime.WebhookSigner;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The receiver the benchmarks measure: default settings, a handler that does nothing. */
final class NoopReceiver {

  private NoopReceiver() {}

  /** A receiver verifying with {@code secret} over a no-op {@link BenchmarkHooks} handler. */
  static WebhookReceiver create(String secret) {
    return WebhookReceiver.builder()
        .secret(secret)
        .dispatcher(new BenchmarkHooksDispatcher((ProfilePayload event) -> {}))
        .build();
  }

  /**
   * A receiver for an in-process benchmark, checked to accept {@code body} with {@code headers}. The
   * request log line goes to the JDK's console handler by default; in-process benchmarks measure the
   * receive path, not the console, so it is turned off.
   */
  static WebhookReceiver forBenchmark(String secret, Map<String, List<String>> headers, byte[] body) {
    Logger.getLogger("ai.hrflow.webhook").setLevel(Level.WARNING);
    WebhookReceiver receiver = create(secret);
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
