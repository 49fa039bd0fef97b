package com.example.hooks;

import ai.hrflow.webhook.HrFlowWebhook;
import ai.hrflow.webhook.OnEvent;
import ai.hrflow.webhook.payload.ActionPayload;
import ai.hrflow.webhook.payload.JobPayload;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookEvent;
import java.io.IOException;

@HrFlowWebhook
public interface RecruitingHooks {
  void onProfileParsingSuccess(ProfilePayload event) throws IOException;

  void onJobEmbeddingError(JobPayload event);

  void onActionStageSuccess(ActionPayload event);

  void onProfileParsingError(WebhookEvent event);

  @OnEvent("profile.tagging.success")
  void tagged(ProfilePayload event);

  @OnEvent(OnEvent.ANY)
  void onAnythingElse(WebhookEvent event);
}
