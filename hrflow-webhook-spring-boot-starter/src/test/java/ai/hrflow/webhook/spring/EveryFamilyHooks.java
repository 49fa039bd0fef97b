package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.HrFlowWebhook;
import ai.hrflow.webhook.OnEvent;
import ai.hrflow.webhook.payload.ActionPayload;
import ai.hrflow.webhook.payload.JobPayload;
import ai.hrflow.webhook.payload.ProfilePayload;
import ai.hrflow.webhook.runtime.WebhookEvent;

/** Test handlers of one event of each family, with a fallback. */
@HrFlowWebhook
public interface EveryFamilyHooks {
  void onProfileParsingSuccess(ProfilePayload event);

  void onJobParsingSuccess(JobPayload event);

  void onActionStageSuccess(ActionPayload event);

  @OnEvent(OnEvent.ANY)
  void onAnythingElse(WebhookEvent event);
}
