package ai.hrflow.webhook.runtime;

/** Listeners together. */
final class WebhookListeners {

  private WebhookListeners() {}

  /** {@return a listener that tells {@code first}, then {@code second}; an exception in one does not keep the other from hearing} */
  static WebhookListener both(WebhookListener first, WebhookListener second) {
    if (first == WebhookListener.NONE) {
      return second;
    }
    GuardedListener one = new GuardedListener(first);
    GuardedListener two = new GuardedListener(second);
    return new WebhookListener() {
      @Override
      public void requestReceived(int bodyBytes) {
        one.requestReceived(bodyBytes);
        two.requestReceived(bodyBytes);
      }

      @Override
      public void requestRejected(int status, String reason) {
        one.requestRejected(status, reason);
        two.requestRejected(status, reason);
      }

      @Override
      public void eventDispatched(String type, DispatchResult result, long nanos) {
        one.eventDispatched(type, result, nanos);
        two.eventDispatched(type, result, nanos);
      }

      @Override
      public void handlerFailed(String type, Throwable failure, long nanos) {
        one.handlerFailed(type, failure, nanos);
        two.handlerFailed(type, failure, nanos);
      }

      @Override
      public void requestCompleted(WebhookResponse response, long nanos) {
        one.requestCompleted(response, nanos);
        two.requestCompleted(response, nanos);
      }
    };
  }
}
