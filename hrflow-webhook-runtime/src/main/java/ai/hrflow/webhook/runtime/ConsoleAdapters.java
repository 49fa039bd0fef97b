package ai.hrflow.webhook.runtime;

import ai.hrflow.webhook.runtime.internal.console.InboxView;
import ai.hrflow.webhook.runtime.internal.console.ReceiverTap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The delivery console's views of the API's types (the console's package does not depend on this one). */
final class ConsoleAdapters {

  private ConsoleAdapters() {}

  /** {@return a listener that reports outcomes and refusals to {@code tap}} */
  static WebhookListener listener(ReceiverTap tap) {
    return new WebhookListener() {
      @Override
      public void requestRejected(int status, String reason) {
        tap.rejected(reason);
      }

      @Override
      public void eventDispatched(String type, DispatchResult result, long nanos) {
        tap.outcome(type, result.name().toLowerCase(Locale.ROOT), null);
      }

      @Override
      public void handlerFailed(String type, Throwable failure, long nanos) {
        tap.outcome(type, "failed", failure);
      }
    };
  }

  /** {@return {@code inbox} as the console shows it, or null without one} */
  static InboxView inbox(EventInbox inbox) {
    if (inbox == null) {
      return null;
    }
    return new InboxView() {
      @Override
      public Snapshot snapshot(int limit) throws Exception {
        EventInbox.Snapshot snapshot = inbox.snapshot(limit);
        return snapshot == null
            ? null
            : new Snapshot(
                snapshot.pending(), snapshot.retrying(), snapshot.dead(), snapshot.oldestPendingAge(), entries(snapshot.pendingEvents()), entries(snapshot.deadEvents()));
      }

      @Override
      public int replayDead() throws Exception {
        return inbox.replayDead();
      }
    };
  }

  private static List<InboxView.Entry> entries(List<EventInbox.Entry> entries) {
    List<InboxView.Entry> shown = new ArrayList<>(entries.size());
    for (EventInbox.Entry entry : entries) {
      shown.add(new InboxView.Entry(entry.id(), entry.type(), entry.attempts(), entry.lastError(), entry.receivedAt()));
    }
    return shown;
  }
}
