/**
 * Receives HrFlow webhooks: the framework-agnostic receiver and the embedded server ({@code
 * ai.hrflow.webhook.runtime}), the payload records handlers take ({@code ai.hrflow.webhook.payload}),
 * HR-JSON ({@code ai.hrflow.webhook.hrjson}), and the client for HrFlow's webhook API calls ({@code
 * ai.hrflow.webhook.api}). Signature checking, decoding and the HTTP plumbing live in {@code
 * ai.hrflow.webhook.runtime.internal.*}, which is not exported.
 */
@SuppressWarnings("module") // the test kit, named below, is built after this module
module ai.hrflow.webhook.runtime {
  requires transitive ai.hrflow.webhook.annotations;
  requires transitive com.fasterxml.jackson.databind;
  requires jdk.httpserver;
  requires java.net.http;
  // @Generated (source-only) on generated payload records and on users' dispatchers, which read it through here.
  requires static transitive java.compiler;

  // Finds the processor's generated dispatcher factories (WebhookDispatcherFactory.load).
  uses ai.hrflow.webhook.runtime.WebhookDispatcherFactory;

  exports ai.hrflow.webhook.runtime;
  exports ai.hrflow.webhook.payload;
  exports ai.hrflow.webhook.hrjson;
  exports ai.hrflow.webhook.api;
  // The test kit sends with the same bounded calls as the API client.
  exports ai.hrflow.webhook.runtime.internal.http to
      ai.hrflow.webhook.testing;

  // Jackson binds HR-JSON records by reflection.
  opens ai.hrflow.webhook.hrjson to
      com.fasterxml.jackson.databind;
}
