/**
 * A test kit for HrFlow webhook handlers: realistic sample events for every event type, and a tester
 * that sends them correctly signed to a dispatcher, a receiver or a running server. For tests only.
 */
module ai.hrflow.webhook.testing {
  requires transitive ai.hrflow.webhook.runtime;
  requires java.net.http;

  exports ai.hrflow.webhook.testing;
}
