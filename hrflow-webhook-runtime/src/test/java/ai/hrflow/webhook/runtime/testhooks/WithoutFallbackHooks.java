package ai.hrflow.webhook.runtime.testhooks;

import ai.hrflow.webhook.HrFlowWebhook;
import ai.hrflow.webhook.payload.ProfilePayload;

/** A handler interface without a fallback method: other types are acknowledged unhandled. */
@HrFlowWebhook
public interface WithoutFallbackHooks {
  void onProfileParsingSuccess(ProfilePayload event);
}
