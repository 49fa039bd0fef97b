-- The HrFlow webhook inbox on PostgreSQL. The library runs this on start (every statement is
-- idempotent); teams that manage schemas themselves run it once and build the inbox with
-- createSchema(false).
--
-- hrflow_inbox_event: what a pending event's execution does not keep: with deduplication, every
-- event's key (kept without payload for the retention period after it was handled); the last error
-- of an event whose handler failed; dead events, with their payload until replayed. Without
-- deduplication, an event handled the first time never has a row here.
CREATE TABLE IF NOT EXISTS hrflow_inbox_event (
  id              VARCHAR(36) PRIMARY KEY,
  dedup_key       VARCHAR(64) UNIQUE,
  event_type      TEXT NOT NULL,
  payload         BYTEA,
  status          VARCHAR(8) NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  last_attempt_at TIMESTAMP WITH TIME ZONE,
  done_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS hrflow_inbox_event_status ON hrflow_inbox_event (status, received_at);

-- hrflow_inbox_task: db-scheduler's executions table (its PostgreSQL layout for version 16), one
-- execution per pending event, its id time-ordered, its data the event's JSON; a table of our own, so that an application's own db-scheduler
-- never sees our tasks.
CREATE TABLE IF NOT EXISTS hrflow_inbox_task (
  task_name            TEXT NOT NULL,
  task_instance        TEXT NOT NULL,
  task_data            BYTEA,
  execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  picked               BOOLEAN NOT NULL,
  picked_by            TEXT,
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
