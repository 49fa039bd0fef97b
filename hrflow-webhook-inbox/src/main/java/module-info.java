/**
 * A durable inbox for HrFlow webhook events: verified events are committed to a database before the
 * receiver answers 200, then handled off the request with retries and a dead-letter state, on
 * db-scheduler. Embedded H2 by default; PostgreSQL for a fleet. The schema scripts are resources of
 * this module ({@code ai/hrflow/webhook/inbox/schema-*.sql}).
 */
@SuppressWarnings("requires-automatic") // db-scheduler and H2 ship no module-info, only Automatic-Module-Name
module ai.hrflow.webhook.inbox {
  requires transitive ai.hrflow.webhook.runtime;
  requires transitive java.sql;
  requires com.github.kagkarlsson.scheduler;
  requires com.h2database;
  // db-scheduler is an automatic module, which requires nothing: name its logging API so that the module
  // system resolves it (and, by service binding, the application's SLF4J provider).
  requires org.slf4j;

  exports ai.hrflow.webhook.inbox;
  // The schema scripts, for teams that run them themselves (and for the CLI).
  opens ai.hrflow.webhook.inbox;
}
