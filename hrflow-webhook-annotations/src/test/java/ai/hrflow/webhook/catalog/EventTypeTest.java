package ai.hrflow.webhook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.catalog.internal.HandlerNames;
import ai.hrflow.webhook.catalog.internal.PayloadSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

  private static final Pattern THREE_WORDS = Pattern.compile("[a-z]+\\.[a-z]+\\.[a-z]+");

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyTypeIsThreeLowerCaseWordsAndRoundTripsThroughItsHandlerName(EventType eventType) {
    assertTrue(THREE_WORDS.matcher(eventType.type()).matches(), eventType.type());
    assertEquals(Optional.of(eventType.type()), HandlerNames.typeFor(HandlerNames.methodNameFor(eventType.type())));
    assertEquals(Optional.of(eventType), EventType.of(eventType.type()));
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyTypeBelongsToTheFamilyItsFirstWordNames(EventType eventType) {
    assertEquals(Optional.of(eventType.family()), PayloadSchema.familyOfTypeName(eventType.type()));
  }

  @Test
  void coversEveryTypeOfTheSpecsSectionOne() {
    List<String> fromSpec =
        List.of(
            "profile.parsing.success", "profile.parsing.error", "profile.embedding.success",
            "profile.embedding.error", "job.parsing.success", "job.parsing.error",
            "job.embedding.success", "job.embedding.error", "action.stage.success",
            "action.stage.error", "profile.parsing.update", "profile.storing.success",
            "profile.storing.update", "profile.storing.error", "profile.indexing.success",
            "profile.indexing.update", "profile.indexing.error", "profile.searching.success",
            "profile.searching.update", "profile.searching.error", "job.parsing.update",
            "job.storing.success", "job.storing.update", "job.storing.error",
            "job.searching.success", "job.searching.update", "job.searching.error",
            "job.indexing.success", "job.indexing.update", "job.indexing.error",
            "action.rating.success", "action.rating.error", "profile.parse.success",
            "profile.parse.error", "profile.score.success", "profile.score.error",
            "job.train.success", "job.train.error", "job.score.success", "job.score.error",
            "filter.train.success", "filter.train.error", "filter.score.success",
            "filter.score.error");
    for (String type : fromSpec) {
      assertTrue(EventType.of(type).isPresent(), type + " is missing from the catalog");
    }
    for (String object : List.of("profile", "job")) {
      for (String stage : List.of("scoring", "revealing", "reasoning", "embedding")) {
        for (String status : List.of("success", "error", "update")) {
          String type = object + "." + stage + "." + status;
          assertTrue(EventType.of(type).isPresent(), type + " is missing from the catalog");
        }
      }
    }
  }

  @Test
  void seedTypesKeepTheSeedsVolumes() {
    assertEquals(Volume.HIGH, EventType.PROFILE_PARSING_SUCCESS.volume());
    assertEquals(Volume.HIGH, EventType.JOB_EMBEDDING_ERROR.volume());
    assertEquals(Volume.LOW, EventType.ACTION_STAGE_ERROR.volume());
    assertEquals(DocumentedIn.SEED, EventType.ACTION_STAGE_SUCCESS.documentedIn());
  }

  @Test
  void typeStringsAndDescriptionsAreUnique() {
    Set<String> descriptions = new HashSet<>();
    for (EventType eventType : EventType.values()) {
      assertTrue(descriptions.add(eventType.description()), eventType.description());
      assertTrue(eventType.description().endsWith("."), eventType.description());
    }
    assertEquals(EventType.values().length, EventType.byType().size());
  }

  @Test
  void legacyFilterTypesAreJobEvents() {
    assertEquals(PayloadFamily.JOB, EventType.FILTER_TRAIN_SUCCESS.family());
    assertEquals(Optional.of(PayloadFamily.JOB), PayloadSchema.familyOfTypeName("filter.anything.new"));
    assertEquals(Optional.empty(), PayloadSchema.familyOfTypeName("board.created.success"));
  }
}
