package ai.hrflow.webhook.runtime;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers every event of a request to the dispatcher, in order, and counts what became of each: an
 * event whose handler threw does not stop the others. With deduplication, an event already handled
 * is skipped, and one that another delivery is handling right now is left for a retry.
 */
final class BatchDispatch {

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook");

  /** One event whose handler threw: its position in the request, its type and the exception. */
  record Failure(int index, String type, Throwable exception) {}

  /**
   * What became of a request's events.
   *
   * @param events how many the request held
   * @param handled how many a bound method took (with deduplication, now or in an earlier delivery)
   * @param fallback how many the fallback method took
   * @param unhandled how many had no method to go to
   * @param busy how many another delivery is handling now (with deduplication)
   * @param failed the events whose handler threw
   */
  record Outcome(int events, int handled, int fallback, int unhandled, int busy, List<Failure> failed) {}

  private final WebhookDispatcher dispatcher;
  private final IdempotencyStore deduplication;
  private final GuardedListener listener;

  BatchDispatch(WebhookDispatcher dispatcher, IdempotencyStore deduplication, GuardedListener listener) {
    this.dispatcher = dispatcher;
    this.deduplication = deduplication;
    this.listener = listener;
  }

  Outcome dispatchAll(List<WebhookEvent> events) {
    int handled = 0;
    int fallback = 0;
    int unhandled = 0;
    int busy = 0;
    List<Failure> failed = List.of();
    for (int i = 0; i < events.size(); i++) {
      WebhookEvent event = events.get(i);
      String key = null;
      if (deduplication != null) {
        key = event.fingerprint();
        IdempotencyStore.Claim claim = deduplication.claim(key);
        if (claim == IdempotencyStore.Claim.DONE) {
          // Counted as its first delivery was, so that the answer tells a replayer nothing.
          switch (dispatcher.resultFor(event.type())) {
            case HANDLED -> handled++;
            case FALLBACK -> fallback++;
            case UNHANDLED -> unhandled++;
          }
          continue;
        }
        if (claim == IdempotencyStore.Claim.BUSY) {
          busy++;
          continue;
        }
      }
      long dispatched = listener.active ? System.nanoTime() : 0;
      boolean completed = false;
      try {
        DispatchResult result = dispatcher.dispatch(event);
        if (key != null) {
          deduplication.complete(key);
          completed = true;
        }
        if (listener.active) {
          listener.eventDispatched(event.type(), result, System.nanoTime() - dispatched);
        }
        switch (result) {
          case HANDLED -> handled++;
          case FALLBACK -> fallback++;
          case UNHANDLED -> unhandled++;
        }
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable failure) {
        if (failure instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        if (listener.active) {
          listener.handlerFailed(event.type(), failure, System.nanoTime() - dispatched);
        }
        LOG.log(Level.WARNING, "handler for " + event.type() + " (event " + i + ") failed", failure);
        if (failed.isEmpty()) {
          failed = new ArrayList<>(1);
        }
        failed.add(new Failure(i, event.type(), failure));
      } finally {
        if (key != null && !completed) {
          deduplication.release(key); // failed, or died of an Error: a redelivery runs it again
        }
      }
    }
    return new Outcome(events.size(), handled, fallback, unhandled, busy, failed);
  }
}
