package ai.hrflow.webhook.runtime.testhooks;

import ai.hrflow.webhook.HrFlowWebhook;
import ai.hrflow.webhook.OnEvent;
import ai.hrflow.webhook.payload.ActionPayload;
import ai.hrflow.webhook.payload.JobPayload;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookEvent;

/** A handler interface with one method per family, compiled by the processor like a user's. */
@HrFlowWebhook
public interface TestHooks {
  void onProfileParsingSuccess(ProfilePayload event) throws Exception;

  void onProfileEmbeddingSuccess(ProfilePayload event) throws Exception;

  void onJobEmbeddingError(JobPayload event) throws Exception;

  void onJobParsingSuccess(JobPayload event) throws Exception;

  void onActionStageSuccess(ActionPayload event) throws Exception;

  @OnEvent(OnEvent.ANY)
  void onAnythingElse(WebhookEvent event) throws Exception;
}
