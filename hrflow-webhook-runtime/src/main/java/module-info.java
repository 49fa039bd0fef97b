/**
 * Receives HrFlow webhooks: payload records, HR-JSON, the framework-agnostic receiver and the
 * embedded server. Signature checking, decoding and the HTTP adapter stay inside the module.
 */
module ai.hrflow.webhook.runtime {
  requires transitive ai.hrflow.webhook.annotations;
  requires transitive com.fasterxml.jackson.databind;
  requires jdk.httpserver;
  requires java.net.http;
  // @Generated (source-only) on generated payload records and on users' dispatchers, which read it through here.
  requires static transitive java.compiler;

  exports ai.hrflow.webhook.runtime;
  exports ai.hrflow.webhook.payload;
  exports ai.hrflow.webhook.hrjson;
  exports ai.hrflow.webhook.testing;

  // Jackson binds HR-JSON records by reflection.
  opens ai.hrflow.webhook.hrjson to
      com.fasterxml.jackson.databind;
}
