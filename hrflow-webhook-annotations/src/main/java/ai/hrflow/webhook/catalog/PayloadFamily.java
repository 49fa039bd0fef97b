package ai.hrflow.webhook.catalog;

/**
 * What an event is about, which decides the payload record its handler receives: {@code
 * ProfilePayload}, {@code JobPayload} or {@code ActionPayload}.
 */
public enum PayloadFamily {
  /** Events about a profile (a candidate); the handler receives a {@code ProfilePayload}. */
  PROFILE,
  /** Events about a job ({@code filter} in Riminder-era names); the handler receives a {@code JobPayload}. */
  JOB,
  /** Events about a recruiter's action on a profile for a job; the handler receives an {@code ActionPayload}. */
  ACTION
}
