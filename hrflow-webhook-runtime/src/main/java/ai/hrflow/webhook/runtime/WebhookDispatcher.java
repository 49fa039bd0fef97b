package ai.hrflow.webhook.runtime;

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
}
