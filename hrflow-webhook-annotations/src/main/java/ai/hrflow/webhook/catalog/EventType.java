package ai.hrflow.webhook.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog of HrFlow webhook event types: the one place in this project that lists them.
 *
 * <p>Each type is three dot-separated words, {@code <object>.<stage>.<status>}, derived from the
 * constant's name ({@code PROFILE_PARSING_SUCCESS} is {@code profile.parsing.success}). The catalog
 * records the payload family of each type, its documented volume, and where it is documented.
 * The annotation processor validates handler methods against it and generates the payload records
 * and the {@code EventTypes} constants from it; the event table in {@code EVENTS.md} is generated from
 * it too.
 *
 * <p>HrFlow adds event types over time. A type missing here can still be handled with {@code
 * @OnEvent("...")}, and events of unknown types are acknowledged, never rejected.
 */
public enum EventType {
  /** {@code profile.parsing.success}: a profile was parsed. */
  PROFILE_PARSING_SUCCESS(PayloadFamily.PROFILE, Volume.HIGH, DocumentedIn.SEED, "A profile was parsed."),

  /** {@code profile.parsing.error}: parsing a profile failed. */
  PROFILE_PARSING_ERROR(PayloadFamily.PROFILE, Volume.HIGH, DocumentedIn.SEED, "Parsing a profile failed."),

  /** {@code profile.embedding.success}: a profile was embedded (vectorised for search and scoring). */
  PROFILE_EMBEDDING_SUCCESS(PayloadFamily.PROFILE, Volume.HIGH, DocumentedIn.SEED, "A profile was embedded (vectorised for search and scoring)."),

  /** {@code profile.embedding.error}: embedding a profile failed. */
  PROFILE_EMBEDDING_ERROR(PayloadFamily.PROFILE, Volume.HIGH, DocumentedIn.SEED, "Embedding a profile failed."),

  /** {@code job.parsing.success}: a job was parsed. */
  JOB_PARSING_SUCCESS(PayloadFamily.JOB, Volume.HIGH, DocumentedIn.SEED, "A job was parsed."),

  /** {@code job.parsing.error}: parsing a job failed. */
  JOB_PARSING_ERROR(PayloadFamily.JOB, Volume.HIGH, DocumentedIn.SEED, "Parsing a job failed."),

  /** {@code job.embedding.success}: a job was embedded (vectorised for search and scoring). */
  JOB_EMBEDDING_SUCCESS(PayloadFamily.JOB, Volume.HIGH, DocumentedIn.SEED, "A job was embedded (vectorised for search and scoring)."),

  /** {@code job.embedding.error}: embedding a job failed. */
  JOB_EMBEDDING_ERROR(PayloadFamily.JOB, Volume.HIGH, DocumentedIn.SEED, "Embedding a job failed."),

  /** {@code action.stage.success}: a profile was moved to a stage for a job. */
  ACTION_STAGE_SUCCESS(PayloadFamily.ACTION, Volume.LOW, DocumentedIn.SEED, "A profile was moved to a stage for a job."),

  /** {@code action.stage.error}: moving a profile to a stage failed. */
  ACTION_STAGE_ERROR(PayloadFamily.ACTION, Volume.LOW, DocumentedIn.SEED, "Moving a profile to a stage failed."),

  /** {@code profile.parsing.update}: a parsed profile was updated. */
  PROFILE_PARSING_UPDATE(PayloadFamily.PROFILE, Volume.MEDIUM, DocumentedIn.PORTAL, "A parsed profile was updated."),

  /** {@code profile.storing.success}: a profile was stored in a source. */
  PROFILE_STORING_SUCCESS(PayloadFamily.PROFILE, Volume.HIGH, DocumentedIn.PORTAL, "A profile was stored in a source."),

  /** {@code profile.storing.update}: a stored profile was updated. */
  PROFILE_STORING_UPDATE(PayloadFamily.PROFILE, Volume.MEDIUM, DocumentedIn.PORTAL, "A stored profile was updated."),

  /** {@code profile.storing.error}: storing a profile failed. */
  PROFILE_STORING_ERROR(PayloadFamily.PROFILE, Volume.LOW, DocumentedIn.PORTAL, "Storing a profile failed."),

  /** {@code profile.searching.success}: a profile was indexed for searching. */
  PROFILE_SEARCHING_SUCCESS(PayloadFamily.PROFILE, Volume.HIGH, DocumentedIn.PORTAL, "A profile was indexed for searching."),

  /** {@code profile.searching.update}: the search index of a profile was updated. */
  PROFILE_SEARCHING_UPDATE(PayloadFamily.PROFILE, Volume.MEDIUM, DocumentedIn.PORTAL, "The search index of a profile was updated."),

  /** {@code profile.searching.error}: indexing a profile for searching failed. */
  PROFILE_SEARCHING_ERROR(PayloadFamily.PROFILE, Volume.LOW, DocumentedIn.PORTAL, "Indexing a profile for searching failed."),

  /** {@code profile.indexing.success}: older name of profile.storing.success. */
  PROFILE_INDEXING_SUCCESS(PayloadFamily.PROFILE, Volume.HIGH, DocumentedIn.PORTAL, "Older name of profile.storing.success."),

  /** {@code profile.indexing.update}: older name of profile.storing.update. */
  PROFILE_INDEXING_UPDATE(PayloadFamily.PROFILE, Volume.MEDIUM, DocumentedIn.PORTAL, "Older name of profile.storing.update."),

  /** {@code profile.indexing.error}: older name of profile.storing.error. */
  PROFILE_INDEXING_ERROR(PayloadFamily.PROFILE, Volume.LOW, DocumentedIn.PORTAL, "Older name of profile.storing.error."),

  /** {@code job.parsing.update}: a parsed job was updated. */
  JOB_PARSING_UPDATE(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.INFERRED, "A parsed job was updated."),

  /** {@code job.storing.success}: a job was stored in a board. */
  JOB_STORING_SUCCESS(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.INFERRED, "A job was stored in a board."),

  /** {@code job.storing.update}: a stored job was updated. */
  JOB_STORING_UPDATE(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.INFERRED, "A stored job was updated."),

  /** {@code job.storing.error}: storing a job failed. */
  JOB_STORING_ERROR(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.INFERRED, "Storing a job failed."),

  /** {@code job.searching.success}: a job was indexed for searching. */
  JOB_SEARCHING_SUCCESS(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.INFERRED, "A job was indexed for searching."),

  /** {@code job.searching.update}: the search index of a job was updated. */
  JOB_SEARCHING_UPDATE(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.INFERRED, "The search index of a job was updated."),

  /** {@code job.searching.error}: indexing a job for searching failed. */
  JOB_SEARCHING_ERROR(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.INFERRED, "Indexing a job for searching failed."),

  /** {@code job.indexing.success}: older name of job.storing.success. */
  JOB_INDEXING_SUCCESS(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.INFERRED, "Older name of job.storing.success."),

  /** {@code job.indexing.update}: older name of job.storing.update. */
  JOB_INDEXING_UPDATE(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.INFERRED, "Older name of job.storing.update."),

  /** {@code job.indexing.error}: older name of job.storing.error. */
  JOB_INDEXING_ERROR(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.INFERRED, "Older name of job.storing.error."),

  /** {@code profile.scoring.success}: a profile was scored. */
  PROFILE_SCORING_SUCCESS(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.SDK, "A profile was scored."),

  /** {@code profile.scoring.update}: the scoring result of a profile was updated. */
  PROFILE_SCORING_UPDATE(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.SDK, "The scoring result of a profile was updated."),

  /** {@code profile.scoring.error}: scoring a profile failed. */
  PROFILE_SCORING_ERROR(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.SDK, "Scoring a profile failed."),

  /** {@code profile.revealing.success}: a profile was revealed (its analysis made available). */
  PROFILE_REVEALING_SUCCESS(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.SDK, "A profile was revealed (its analysis made available)."),

  /** {@code profile.revealing.update}: the revealing result of a profile was updated. */
  PROFILE_REVEALING_UPDATE(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.SDK, "The revealing result of a profile was updated."),

  /** {@code profile.revealing.error}: revealing a profile failed. */
  PROFILE_REVEALING_ERROR(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.SDK, "Revealing a profile failed."),

  /** {@code profile.reasoning.success}: a profile was reasoned about (an explanation of its scoring produced). */
  PROFILE_REASONING_SUCCESS(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.SDK, "A profile was reasoned about (an explanation of its scoring produced)."),

  /** {@code profile.reasoning.update}: the reasoning result of a profile was updated. */
  PROFILE_REASONING_UPDATE(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.SDK, "The reasoning result of a profile was updated."),

  /** {@code profile.reasoning.error}: reasoning about a profile failed. */
  PROFILE_REASONING_ERROR(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.SDK, "Reasoning about a profile failed."),

  /** {@code profile.embedding.update}: the embedding of a profile was updated. */
  PROFILE_EMBEDDING_UPDATE(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.SDK, "The embedding of a profile was updated."),

  /** {@code job.scoring.success}: a job was scored. */
  JOB_SCORING_SUCCESS(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.SDK, "A job was scored."),

  /** {@code job.scoring.update}: the scoring result of a job was updated. */
  JOB_SCORING_UPDATE(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.SDK, "The scoring result of a job was updated."),

  /** {@code job.scoring.error}: scoring a job failed. */
  JOB_SCORING_ERROR(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.SDK, "Scoring a job failed."),

  /** {@code job.revealing.success}: a job was revealed (its analysis made available). */
  JOB_REVEALING_SUCCESS(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.SDK, "A job was revealed (its analysis made available)."),

  /** {@code job.revealing.update}: the revealing result of a job was updated. */
  JOB_REVEALING_UPDATE(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.SDK, "The revealing result of a job was updated."),

  /** {@code job.revealing.error}: revealing a job failed. */
  JOB_REVEALING_ERROR(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.SDK, "Revealing a job failed."),

  /** {@code job.reasoning.success}: a job was reasoned about (an explanation of its scoring produced). */
  JOB_REASONING_SUCCESS(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.SDK, "A job was reasoned about (an explanation of its scoring produced)."),

  /** {@code job.reasoning.update}: the reasoning result of a job was updated. */
  JOB_REASONING_UPDATE(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.SDK, "The reasoning result of a job was updated."),

  /** {@code job.reasoning.error}: reasoning about a job failed. */
  JOB_REASONING_ERROR(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.SDK, "Reasoning about a job failed."),

  /** {@code job.embedding.update}: the embedding of a job was updated. */
  JOB_EMBEDDING_UPDATE(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.SDK, "The embedding of a job was updated."),

  /** {@code action.rating.success}: a profile was rated for a job. */
  ACTION_RATING_SUCCESS(PayloadFamily.ACTION, Volume.LOW, DocumentedIn.SDK, "A profile was rated for a job."),

  /** {@code action.rating.error}: rating a profile failed. */
  ACTION_RATING_ERROR(PayloadFamily.ACTION, Volume.LOW, DocumentedIn.SDK, "Rating a profile failed."),

  /** {@code profile.parse.success}: Riminder name of profile.parsing.success. */
  PROFILE_PARSE_SUCCESS(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Riminder name of profile.parsing.success."),

  /** {@code profile.parse.error}: Riminder name of profile.parsing.error. */
  PROFILE_PARSE_ERROR(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Riminder name of profile.parsing.error."),

  /** {@code profile.score.success}: Riminder name of profile.scoring.success. */
  PROFILE_SCORE_SUCCESS(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Riminder name of profile.scoring.success."),

  /** {@code profile.score.error}: Riminder name of profile.scoring.error. */
  PROFILE_SCORE_ERROR(PayloadFamily.PROFILE, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Riminder name of profile.scoring.error."),

  /** {@code job.train.start}: training the matching model of a job started (early HrFlow name). */
  JOB_TRAIN_START(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Training the matching model of a job started (early HrFlow name)."),

  /** {@code job.train.success}: training the matching model of a job succeeded (early HrFlow name). */
  JOB_TRAIN_SUCCESS(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Training the matching model of a job succeeded (early HrFlow name)."),

  /** {@code job.train.error}: training the matching model of a job failed (early HrFlow name). */
  JOB_TRAIN_ERROR(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Training the matching model of a job failed (early HrFlow name)."),

  /** {@code job.score.start}: scoring profiles against a job started (early HrFlow name). */
  JOB_SCORE_START(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Scoring profiles against a job started (early HrFlow name)."),

  /** {@code job.score.success}: scoring profiles against a job succeeded (early HrFlow name). */
  JOB_SCORE_SUCCESS(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Scoring profiles against a job succeeded (early HrFlow name)."),

  /** {@code job.score.error}: scoring profiles against a job failed (early HrFlow name). */
  JOB_SCORE_ERROR(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Scoring profiles against a job failed (early HrFlow name)."),

  /** {@code filter.train.start}: training the matching model of a job started (Riminder name). */
  FILTER_TRAIN_START(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Training the matching model of a job started (Riminder name)."),

  /** {@code filter.train.success}: training the matching model of a job succeeded (Riminder name). */
  FILTER_TRAIN_SUCCESS(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Training the matching model of a job succeeded (Riminder name)."),

  /** {@code filter.train.error}: training the matching model of a job failed (Riminder name). */
  FILTER_TRAIN_ERROR(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Training the matching model of a job failed (Riminder name)."),

  /** {@code filter.score.start}: scoring profiles against a job started (Riminder name). */
  FILTER_SCORE_START(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Scoring profiles against a job started (Riminder name)."),

  /** {@code filter.score.success}: scoring profiles against a job succeeded (Riminder name). */
  FILTER_SCORE_SUCCESS(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Scoring profiles against a job succeeded (Riminder name)."),

  /** {@code filter.score.error}: scoring profiles against a job failed (Riminder name). */
  FILTER_SCORE_ERROR(PayloadFamily.JOB, Volume.UNDOCUMENTED, DocumentedIn.LEGACY, "Scoring profiles against a job failed (Riminder name).");

  private static final Map<String, EventType> BY_TYPE = index();

  private final String type;
  private final PayloadFamily family;
  private final Volume volume;
  private final DocumentedIn documentedIn;
  private final String description;

  EventType(PayloadFamily family, Volume volume, DocumentedIn documentedIn, String description) {
    this.type = name().toLowerCase(Locale.ROOT).replace('_', '.');
    this.family = family;
    this.volume = volume;
    this.documentedIn = documentedIn;
    this.description = description;
  }

  /** {@return the type string HrFlow sends in an event's {@code type} field, such as {@code profile.parsing.success}} */
  public String type() {
    return type;
  }

  /** {@return the family of the event's payload: which payload record a handler receives} */
  public PayloadFamily family() {
    return family;
  }

  /** {@return how many events of this type HrFlow documents sending} */
  public Volume volume() {
    return volume;
  }

  /** {@return where this type is documented} */
  public DocumentedIn documentedIn() {
    return documentedIn;
  }

  /** {@return one sentence saying what happened when an event of this type is sent} */
  public String description() {
    return description;
  }


  /**
   * The catalog entry for a type string, or empty if the type is not in the catalog.
   */
  public static Optional<EventType> of(String type) {
    return Optional.ofNullable(BY_TYPE.get(type));
  }

  /** {@return every catalog entry by its type string, in catalog order} */
  public static Map<String, EventType> byType() {
    return BY_TYPE;
  }

  private static Map<String, EventType> index() {
    Map<String, EventType> byType = new LinkedHashMap<>();
    for (EventType eventType : values()) {
      byType.put(eventType.type, eventType);
    }
    return Collections.unmodifiableMap(byType);
  }

  @Override
  public String toString() {
    return type;
  }
}
