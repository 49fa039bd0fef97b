package ai.hrflow.webhook.spring;

import ai.hrflow.webhook.HrFlowWebhook;
import ai.hrflow.webhook.payload.ProfilePayload;

/** Test handlers of profile events, compiled by the processor as a user's are. */
@HrFlowWebhook
public interface ProfileHooks {
  void onProfileParsingSuccess(ProfilePayload event) throws Exception;
}
