/** The example application, runnable on the module path as on the class path. */
module com.example.hrflow {
  requires ai.hrflow.webhook.runtime;
  requires ai.hrflow.webhook.inbox;
}
