package ai.hrflow.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler method of an {@link HrFlowWebhook} interface to an explicit event type, instead
 * of the type its name implies.
 *
 * <p>Use it for event types that are not in the catalog yet ({@code @OnEvent("profile.tagging.success")}),
 * for method names of your own choosing, and, with {@link #ANY}, for the one fallback method that
 * receives every event no other method handles.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnEvent {

  /** The value that marks the fallback method: {@code @OnEvent(OnEvent.ANY)}. */
  String ANY = "*";

  /** {@return the event type this method handles, such as {@code "profile.parsing.success"}, or {@link #ANY}} */
  String value();
}
