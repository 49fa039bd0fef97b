package ai.hrflow.webhook.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandlerNamesTest {

  @Test
  void mapsTheSeedsExampleBothWays() {
    assertEquals("onProfileParsingSuccess", HandlerNames.methodNameFor("profile.parsing.success"));
    assertEquals(Optional.of("profile.parsing.success"), HandlerNames.typeFor("onProfileParsingSuccess"));
  }

  @Test
  void rejectsNamesOutsideTheConvention() {
    assertEquals(Optional.empty(), HandlerNames.typeFor("on"));
    assertEquals(Optional.empty(), HandlerNames.typeFor("online"));
    assertEquals(Optional.empty(), HandlerNames.typeFor("handleProfileParsingSuccess"));
  }

  @Test
  void keepsEveryWordOfLongerNames() {
    assertEquals(Optional.of("profile.tagging.bulk.success"), HandlerNames.typeFor("onProfileTaggingBulkSuccess"));
  }
}
