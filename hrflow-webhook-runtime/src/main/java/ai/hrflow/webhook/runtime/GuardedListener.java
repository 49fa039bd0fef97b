package ai.hrflow.webhook.runtime;

import java.lang.System.Logger.Level;

/**
 * Calls a {@link WebhookListener} so that a listener that throws never fails a request: the
 * exception is logged and the request goes on. {@link #active} is false for the default listener,
 * so that callers skip even the arguments' work.
 */
final class GuardedListener {

  private static final System.Logger LOG = System.getLogger("ai.hrflow.webhook");

  private final WebhookListener listener;
  final boolean active;

  GuardedListener(WebhookListener listener) {
    this.listener = listener;
    this.active = listener != WebhookListener.NONE;
  }

  void requestReceived(int bodyBytes) {
    try {
      listener.requestReceived(bodyBytes);
    } catch (RuntimeException broken) {
      logBroken(broken);
    }
  }

  void requestRejected(int status, String reason) {
    try {
      listener.requestRejected(status, reason);
    } catch (RuntimeException broken) {
      logBroken(broken);
    }
  }

  void eventDispatched(String type, DispatchResult result, long nanos) {
    try {
      listener.eventDispatched(type, result, nanos);
    } catch (RuntimeException broken) {
      logBroken(broken);
    }
  }

  void handlerFailed(String type, Throwable failure, long nanos) {
    try {
      listener.handlerFailed(type, failure, nanos);
    } catch (RuntimeException broken) {
      logBroken(broken);
    }
  }

  void requestCompleted(WebhookResponse response, long nanos) {
    try {
      listener.requestCompleted(response, nanos);
    } catch (RuntimeException broken) {
      logBroken(broken);
    }
  }

  private void logBroken(RuntimeException broken) {
    LOG.log(Level.WARNING, "webhook listener " + listener.getClass().getName() + " threw", broken);
  }
}
