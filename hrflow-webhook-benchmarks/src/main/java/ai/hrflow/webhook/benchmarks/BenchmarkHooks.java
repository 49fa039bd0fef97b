package ai.hrflow.webhook.benchmarks;

import ai.hrflow.webhook.HrFlowWebhook;
import ai.hrflow.webhook.payload.ProfilePayload;

/** The handler the benchmarks dispatch to: one typed method, as a user writes it. */
@HrFlowWebhook
public interface BenchmarkHooks {
  void onProfileParsingSuccess(ProfilePayload event);
}
