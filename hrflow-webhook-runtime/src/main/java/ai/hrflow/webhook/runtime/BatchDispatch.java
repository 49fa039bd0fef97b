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
   * @param handled how many a bound method took
   * @param fallback how many the fallback method took
   * @param unhandled how many had no method to go to
   * @param duplicates how many were handled by an earlier delivery (with deduplication)
   * @param busy how many another delivery is handling now (with deduplication)
   * @param failed the events whose handler threw
   * @param deduplicating whether the receiver deduplicates
   */
  record Outcome(int events, int handled, int fallback, int unhandled, int duplicates, int busy, List<Failure> failed, boolean deduplicating) {}

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
    int duplicates = 0;
    int busy = 0;
    List<Failure> failed = List.of();
    for (int i = 0; i < events.size(); i++) {
      WebhookEvent event = events.get(i);
      String key = null;
      if (deduplication != null) {
        key = event.fingerprint();
        IdempotencyStore.Claim claim = deduplication.claim(key);
        if (claim == IdempotencyStore.Claim.DONE) {
          duplicates++;
          continue;
        }
        if (claim == IdempotencyStore.Claim.BUSY) {
          busy++;
          continue;
        }
      }
      long dispatched = listener.active ? System.nanoTime() : 0;
      try {
        DispatchResult result = dispatcher.dispatch(event);
        if (listener.active) {
          listener.eventDispatched(event.type(), result, System.nanoTime() - dispatched);
        }
        if (key != null) {
          deduplication.complete(key);
        }
        switch (result) {
          case HANDLED -> handled++;
          case FALLBACK -> fallback++;
          case UNHANDLED -> unhandled++;
        }
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable failure) {
        if (key != null) {
          deduplication.release(key);
        }
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
      }
    }
    return new Outcome(events.size(), handled, fallback, unhandled, duplicates, busy, failed, deduplication != null);
  }
}
