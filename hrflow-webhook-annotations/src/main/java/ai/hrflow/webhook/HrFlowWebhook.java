package ai.hrflow.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose abstract methods handle HrFlow webhook events; the annotation processor
 * generates a {@code <Interface>Dispatcher} for it in the same package.
 *
 * <p>Each abstract method takes one parameter and returns {@code void}. Its event type comes from
 * {@link OnEvent} if present, otherwise from its name: {@code onProfileParsingSuccess} handles
 * {@code profile.parsing.success}. The parameter is the payload record of the type's family
 * ({@code ProfilePayload}, {@code JobPayload}, {@code ActionPayload}) or the untyped {@code
 * WebhookEvent}.
 *
 * <pre>{@code
 * @HrFlowWebhook
 * public interface RecruitingHooks {
 *   void onProfileParsingSuccess(ProfilePayload event);
 *   void onJobEmbeddingError(JobPayload event);
 *   @OnEvent(OnEvent.ANY) void onAnythingElse(WebhookEvent event);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HrFlowWebhook {}
