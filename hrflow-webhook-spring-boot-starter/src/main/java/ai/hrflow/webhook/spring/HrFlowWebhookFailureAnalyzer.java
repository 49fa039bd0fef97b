package ai.hrflow.webhook.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link HrFlowWebhookConfigurationException} into Spring Boot's start-up report: what is wrong, what to set. */
class HrFlowWebhookFailureAnalyzer extends AbstractFailureAnalyzer<HrFlowWebhookConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, HrFlowWebhookConfigurationException cause) {
    return new FailureAnalysis(cause.description(), cause.action(), cause);
  }
}
