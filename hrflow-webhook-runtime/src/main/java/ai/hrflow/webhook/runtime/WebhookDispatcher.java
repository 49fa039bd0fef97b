package ai.hrflow.webhook.runtime;

import java.util.List;
import java.util.Set;

/**
 * Hands decoded events to the methods of a handler. The annotation processor generates one for
 * every {@code @HrFlowWebhook} interface ({@code RecruitingHooksDispatcher} for {@code
 * RecruitingHooks}); it switches on the type string and calls the bound method, without reflection.
 */
public interface WebhookDispatcher {

  /**
   * Calls the method bound to the event's type, or the fallback method, with the event's payload.
   *
   * @return whether a bound method, the fallback or nothing took the event
   * @throws Exception whatever the handler method threw; the event then counts as failed
   */
  DispatchResult dispatch(WebhookEvent event) throws Exception;

  /** {@return the event types that have a bound method (the fallback aside)} */
  Set<String> handledTypes();

  /**
   * Whether events of types without a bound method go to a fallback method. Generated dispatchers
   * say so; the default says no.
   *
   * @return whether the handler has an {@code @OnEvent(OnEvent.ANY)} method
   */
  default boolean hasFallback() {
    return false;
  }

  /**
   * What {@link #dispatch} reports for an event of {@code type}, without dispatching it: {@code
   * HANDLED} for a type with a bound method, else {@code FALLBACK} or {@code UNHANDLED}.
   *
   * @return what dispatching an event of this type reports when its handler returns
   */
  default DispatchResult resultFor(String type) {
    return handledTypes().contains(type) ? DispatchResult.HANDLED : hasFallback() ? DispatchResult.FALLBACK : DispatchResult.UNHANDLED;
  }

  /**
   * Several dispatchers as one, for several handler objects: an event goes to every dispatcher with a
   * method bound to its type, in the order given, and only when none has one, to every dispatcher
   * with a fallback method. Handlers of one event run one after the other on the same thread; when
   * one throws, the later ones do not run and the event counts as failed (the call is answered 500
   * and redelivered, or retried from the inbox), so each of them must tolerate running again.
   *
   * @param dispatchers the dispatchers, in the order their handlers run; at least one
   * @return the one dispatcher given, or one that hands each event to the right ones
   */
  static WebhookDispatcher all(List<? extends WebhookDispatcher> dispatchers) {
    if (dispatchers.isEmpty()) {
      throw new IllegalArgumentException("give at least one dispatcher");
    }
    return dispatchers.size() == 1 ? dispatchers.get(0) : new AllDispatchers(dispatchers);
  }
}
