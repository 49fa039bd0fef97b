/** The annotation processor that writes dispatchers for {@code @HrFlowWebhook} interfaces. */
@SuppressWarnings("requires-automatic") // JavaPoet and AutoService name themselves in their manifests
module ai.hrflow.webhook.processor {
  requires ai.hrflow.webhook.annotations;
  requires java.compiler;
  requires com.palantir.javapoet;
  requires static com.google.auto.service;

  provides javax.annotation.processing.Processor with
      ai.hrflow.webhook.processor.HrFlowWebhookProcessor;
}
