-- The HrFlow webhook inbox on H2, the embedded database. The library runs this on start (every statement is
-- idempotent); teams that manage schemas themselves run it once and build the inbox with
-- createSchema(false).
--
-- hrflow_inbox_event: one row per stored event, kept after it is handled for the retention period
-- (deduplication looks here). The row keeps the event's payload until it is handled (the execution carries it
-- too): after a crash that kept an event row without its execution, the inbox queues the event again from it.
CREATE TABLE IF NOT EXISTS hrflow_inbox_event (
  id              VARCHAR(36) PRIMARY KEY,
  dedup_key       VARCHAR(64) UNIQUE,
  event_type      VARCHAR NOT NULL,
  payload         VARBINARY,
  status          VARCHAR(8) NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      VARCHAR,
  received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  last_attempt_at TIMESTAMP WITH TIME ZONE,
  done_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS hrflow_inbox_event_status ON hrflow_inbox_event (status, received_at);

-- hrflow_inbox_task: db-scheduler's executions table (its layout for version 16), one
-- execution per pending event; a table of our own, so that an application's own db-scheduler
-- never sees our tasks.
CREATE TABLE IF NOT EXISTS hrflow_inbox_task (
  task_name            VARCHAR NOT NULL,
  task_instance        VARCHAR NOT NULL,
  task_data            VARBINARY,
  execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  picked               BOOLEAN NOT NULL,
  picked_by            VARCHAR,
  last_success         TIMESTAMP WITH TIME ZONE,
  last_failure         TIMESTAMP WITH TIME ZONE,
  consecutive_failures INTEGER,
  last_heartbeat       TIMESTAMP WITH TIME ZONE,
  version              BIGINT NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX IF NOT EXISTS hrflow_inbox_task_execution_time ON hrflow_inbox_task (execution_time);
CREATE INDEX IF NOT EXISTS hrflow_inbox_task_last_heartbeat ON hrflow_inbox_task (last_heartbeat);
