package ai.hrflow.webhook.runtime.testhooks;

import ai.hrflow.webhook.payload.ActionPayload;
import ai.hrflow.webhook.payload.JobPayload;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Records every event it receives, in order; can be told to fail on some types, or to block until
 * released, so that tests can hold requests in flight.
 */
public final class RecordingHooks implements TestHooks {

  /** One received event: the method that got it and the payload or event it got. */
  public record Received(String method, String type, Object payload) {}

  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> failingTypes = ConcurrentHashMap.newKeySet();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile CountDownLatch entered = new CountDownLatch(0);

  /** A dispatcher over this handler, as users build one. */
  public WebhookDispatcher dispatcher() {
    return new TestHooksDispatcher(this);
  }

  /** Makes handlers throw for events of {@code type}. */
  public RecordingHooks failOn(String type) {
    failingTypes.add(type);
    return this;
  }

  /** Makes handlers wait until {@link #release()}; {@link #awaitEntered} waits for {@code count} of them. */
  public RecordingHooks hold(int count) {
    gate = new CountDownLatch(1);
    entered = new CountDownLatch(count);
    return this;
  }

  /** Lets held handlers go on. */
  public void release() {
    gate.countDown();
  }

  /** Waits until the held number of handlers have started. */
  public boolean awaitEntered(long millis) throws InterruptedException {
    return entered.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** What was received so far, in order. */
  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** The types received so far, in order. */
  public List<String> types() {
    return received().stream().map(Received::type).toList();
  }

  private void record(String method, String type, Object payload) throws Exception {
    entered.countDown();
    gate.await();
    received.add(new Received(method, type, payload));
    if (failingTypes.contains(type)) {
      throw new IllegalStateException("told to fail on " + type);
    }
  }

  @Override
  public void onProfileParsingSuccess(ProfilePayload event) throws Exception {
    record("onProfileParsingSuccess", event.type(), event);
  }

  @Override
  public void onProfileEmbeddingSuccess(ProfilePayload event) throws Exception {
    record("onProfileEmbeddingSuccess", event.type(), event);
  }

  @Override
  public void onJobEmbeddingError(JobPayload event) throws Exception {
    record("onJobEmbeddingError", event.type(), event);
  }

  @Override
  public void onJobParsingSuccess(JobPayload event) throws Exception {
    record("onJobParsingSuccess", event.type(), event);
  }

  @Override
  public void onActionStageSuccess(ActionPayload event) throws Exception {
    record("onActionStageSuccess", event.type(), event);
  }

  @Override
  public void onAnythingElse(WebhookEvent event) throws Exception {
    record("onAnythingElse", event.type(), event);
  }
}
