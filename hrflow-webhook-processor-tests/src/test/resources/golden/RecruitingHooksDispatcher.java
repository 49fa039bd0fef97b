package com.example.hooks;

import ai.hrflow.webhook.payload.ActionPayload;
import ai.hrflow.webhook.payload.JobPayload;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.DispatchResult;
import ai.hrflow.webhook.runtime.WebhookDispatcher;
import ai.hrflow.webhook.runtime.WebhookDispatcherFactory;
import ai.hrflow.webhook.runtime.WebhookEvent;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Dispatches HrFlow webhook events to a {@link RecruitingHooks}.
 *
 * <p>Generated from {@link RecruitingHooks}; edit the interface, not this class. Event types:
 *
 * <ul>
 *   <li>{@code profile.parsing.success}: {@link RecruitingHooks#onProfileParsingSuccess}
 *   <li>{@code job.embedding.error}: {@link RecruitingHooks#onJobEmbeddingError}
 *   <li>{@code action.stage.success}: {@link RecruitingHooks#onActionStageSuccess}
 *   <li>{@code profile.parsing.error}: {@link RecruitingHooks#onProfileParsingError}
 *   <li>{@code profile.tagging.success}: {@link RecruitingHooks#tagged}
 *   <li>any other type: {@link RecruitingHooks#onAnythingElse}
 * </ul>
 */
@Generated("ai.hrflow.webhook.processor.HrFlowWebhookProcessor")
public final class RecruitingHooksDispatcher implements WebhookDispatcher {
  private static final Set<String> HANDLED_TYPES = Set.of(
      "profile.parsing.success",
      "job.embedding.error",
      "action.stage.success",
      "profile.parsing.error",
      "profile.tagging.success");

  private final RecruitingHooks handler;

  /**
   * Creates a dispatcher that hands events to {@code handler}.
   *
   * @param handler the implementation whose methods receive the events
   * @throws NullPointerException if {@code handler} is null
   */
  public RecruitingHooksDispatcher(RecruitingHooks handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public DispatchResult dispatch(WebhookEvent event) throws Exception {
    switch (event.type()) {
      case "profile.parsing.success" -> handler.onProfileParsingSuccess(new ProfilePayload(event));
      case "job.embedding.error" -> handler.onJobEmbeddingError(new JobPayload(event));
      case "action.stage.success" -> handler.onActionStageSuccess(new ActionPayload(event));
      case "profile.parsing.error" -> handler.onProfileParsingError(event);
      case "profile.tagging.success" -> handler.tagged(new ProfilePayload(event));
      default -> {
        handler.onAnythingElse(event);
        return DispatchResult.FALLBACK;
      }
    }
    return DispatchResult.HANDLED;
  }

  @Override
  public Set<String> handledTypes() {
    return HANDLED_TYPES;
  }

  @Override
  public boolean hasFallback() {
    return true;
  }

  /**
   * Makes {@link RecruitingHooksDispatcher}s, for frameworks that find dispatchers through {@link java.util.ServiceLoader}
   * (the processor lists this class in {@code META-INF/services/ai.hrflow.webhook.runtime.WebhookDispatcherFactory}).
   */
  public static final class Factory implements WebhookDispatcherFactory<RecruitingHooks> {
    /**
     * Called by {@link java.util.ServiceLoader}.
     */
    public Factory() {
    }

    @Override
    public Class<RecruitingHooks> handlerType() {
      return RecruitingHooks.class;
    }

    @Override
    public WebhookDispatcher create(RecruitingHooks handler) {
      return new RecruitingHooksDispatcher(handler);
    }
  }
}
