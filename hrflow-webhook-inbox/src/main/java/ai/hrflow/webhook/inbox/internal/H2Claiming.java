package ai.hrflow.webhook.inbox.internal;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/**
 * db-scheduler on the embedded H2: claims due executions in batches, with {@code SELECT ... FOR
 * UPDATE} and one commit per batch, instead of one optimistic update and commit per execution (its
 * default where a database lacks {@code SKIP LOCKED}). Without {@code SKIP LOCKED} a second claimer
 * would wait rather than skip; the embedded database has one node, whose scheduler claims from one
 * thread.
 */
public final class H2Claiming extends DefaultJdbcCustomization {

  /** H2's timestamps with time zone keep the zone: nothing to convert. */
  public H2Claiming() {
    super(false);
  }

  @Override
  public String getName() {
    return "H2 (hrflow-webhook-inbox)";
  }

  @Override
  public boolean supportsGenericLockAndFetch() {
    return true;
  }

  @Override
  public String createGenericSelectForUpdateQuery(String tableName, int limit, String requiredAndCondition, boolean orderByPriority) {
    return "SELECT * FROM " + tableName + " WHERE picked = ? AND execution_time <= ? " + requiredAndCondition
        + (orderByPriority ? " ORDER BY priority DESC, execution_time ASC" : " ORDER BY execution_time ASC") + " FETCH FIRST " + limit
        + " ROWS ONLY FOR UPDATE";
  }
}
