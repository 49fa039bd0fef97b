package ai.hrflow.webhook.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several dispatchers as one: an event goes to every dispatcher with a method bound to its type, in
 * order; only when none has one, to every dispatcher with a fallback. See {@link
 * WebhookDispatcher#all}.
 */
final class AllDispatchers implements WebhookDispatcher {

  private final Map<String, WebhookDispatcher[]> byType;
  private final WebhookDispatcher[] fallbacks;
  private final Set<String> handledTypes;

  AllDispatchers(List<? extends WebhookDispatcher> dispatchers) {
    Map<String, List<WebhookDispatcher>> byType = new HashMap<>();
    List<WebhookDispatcher> fallbacks = new ArrayList<>();
    Set<String> handled = new LinkedHashSet<>();
    for (WebhookDispatcher dispatcher : dispatchers) {
      for (String type : dispatcher.handledTypes()) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(dispatcher);
        handled.add(type);
      }
      if (dispatcher.hasFallback()) {
        fallbacks.add(dispatcher);
      }
    }
    this.byType = new HashMap<>();
    byType.forEach((type, list) -> this.byType.put(type, list.toArray(WebhookDispatcher[]::new)));
    this.fallbacks = fallbacks.toArray(WebhookDispatcher[]::new);
    this.handledTypes = Set.copyOf(handled);
  }

  @Override
  public DispatchResult dispatch(WebhookEvent event) throws Exception {
    WebhookDispatcher[] bound = byType.get(event.type());
    if (bound != null) {
      for (WebhookDispatcher dispatcher : bound) {
        dispatcher.dispatch(event);
      }
      return DispatchResult.HANDLED;
    }
    for (WebhookDispatcher dispatcher : fallbacks) {
      dispatcher.dispatch(event);
    }
    return fallbacks.length > 0 ? DispatchResult.FALLBACK : DispatchResult.UNHANDLED;
  }

  @Override
  public Set<String> handledTypes() {
    return handledTypes;
  }

  @Override
  public boolean hasFallback() {
    return fallbacks.length > 0;
  }

  @Override
  public String toString() {
    return "WebhookDispatcher.all[" + handledTypes.size() + " types, " + fallbacks.length + " fallbacks]";
  }
}
