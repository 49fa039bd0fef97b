package com.example.hrflow;

import ai.hrflow.webhook.HrFlowWebhook;
import ai.hrflow.webhook.OnEvent;
import ai.hrflow.webhook.payload.ActionPayload;
import ai.hrflow.webhook.payload.JobPayload;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookEvent;

/** The HrFlow events this application cares about. The processor generates RecruitingHooksDispatcher. */
@HrFlowWebhook
public interface RecruitingHooks {

  /** A CV was parsed into a profile. */
  void onProfileParsingSuccess(ProfilePayload event);

  /** A job description was parsed. */
  void onJobParsingSuccess(JobPayload event);

  /** Embedding a job failed. */
  void onJobEmbeddingError(JobPayload event);

  /** A recruiter moved a profile to a stage. */
  void onActionStageSuccess(ActionPayload event);

  /** Every other event, including types HrFlow adds later. */
  @OnEvent(OnEvent.ANY)
  void onAnythingElse(WebhookEvent event);
}
