package ai.hrflow.webhook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.runtime.testhooks.RecordingHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookListenerTest {

  private final List<String> calls = new ArrayList<>();
  private final WebhookListener recording =
      new WebhookListener() {
        @Override
        public void requestReceived(int bodyBytes) {
          calls.add("received " + bodyBytes);
        }

        @Override
        public void requestRejected(int status, String reason) {
          calls.add("rejected " + status + " " + reason);
        }

        @Override
        public void eventDispatched(String type, DispatchResult result, long nanos) {
          assertTrue(nanos >= 0);
          calls.add("dispatched " + type + " " + result);
        }

        @Override
        public void handlerFailed(String type, Throwable failure, long nanos) {
          calls.add("failed " + type + " " + failure.getClass().getSimpleName());
        }

        @Override
        public void requestCompleted(WebhookResponse response, long nanos) {
          calls.add("completed " + response.status());
        }
      };
  private final RecordingHooks hooks = new RecordingHooks();

  private WebhookReceiver receiver(WebhookListener listener) {
    return WebhookReceiver.builder().secret(Signed.SECRET).dispatcher(hooks.dispatcher()).maxBodyBytes(4096).listener(listener).build();
  }

  @Test
  void seesEveryDispatchAndFailureOfABatch() {
    hooks.failOn("job.embedding.error");
    String json = Signed.batch("profile.parsing.success", "job.embedding.error", "board.new.type");
    receiver(recording).receive(Signed.headers(SignatureScheme.SIGNED_HEX, json), Signed.utf8(json));
    assertEquals(
        List.of(
            "received " + Signed.utf8(json).length,
            "dispatched profile.parsing.success HANDLED",
            "failed job.embedding.error IllegalStateException",
            "dispatched board.new.type FALLBACK",
            "completed 500"),
        calls);
  }

  @Test
  void seesRejectionsWithTheirReasons() {
    WebhookReceiver receiver = receiver(recording);
    receiver.receive(Map.of(), Signed.utf8("{}"));
    receiver.receive(Signed.headers(SignatureScheme.BODY_HEX, "[1]"), Signed.utf8("[1]"));
    receiver.receive(Map.of(), new byte[5000]);
    assertEquals(
        List.of(
            "received 2", "rejected 401 missing signature", "completed 401",
            "received 3", "rejected 400 event 0 is a number, not an object", "completed 400",
            "received 5000", "rejected 413 body too large", "completed 413"),
        calls);
  }

  @Test
  void aListenerThatThrowsDoesNotFailTheRequest() {
    WebhookListener broken =
        new WebhookListener() {
          @Override
          public void eventDispatched(String type, DispatchResult result, long nanos) {
            throw new IllegalStateException("metrics backend down");
          }
        };
    String json = Signed.event("profile.parsing.success");
    assertEquals(200, receiver(broken).receive(Signed.headers(SignatureScheme.SIGNED_RAW, json), Signed.utf8(json)).status());
    assertEquals(List.of("profile.parsing.success"), hooks.types());
  }
}
