package ai.hrflow.webhook.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestTypesTest {

  @Test
  void suggestsTheCatalogNameOneTypoAway() {
    assertEquals(List.of("onProfileParsingSuccess"), NearestTypes.toHandlerName("onProfileParsingSucess"));
    assertEquals(List.of("job.parsing.success"), NearestTypes.toType("job.parsing.sucess"));
  }

  @Test
  void suggestsNothingForUnrelatedNames() {
    assertEquals(List.of(), NearestTypes.toHandlerName("handleEverythingAtOnce"));
  }

  @Test
  void takesOneOrTwoEditsForATypo() {
    assertEquals(Optional.of("profile.parsing.success"), NearestTypes.typoOfType("profile.parsing.sucess"));
    assertEquals(Optional.of("profile.parsing.success"), NearestTypes.typoOfType("profile.parsing.sucesss"));
    assertEquals(Optional.empty(), NearestTypes.typoOfType("profile.parsing.success"));
    assertEquals(Optional.empty(), NearestTypes.typoOfType("profile.tagging.success"));
    assertEquals(Optional.of("onJobParsingError"), NearestTypes.typoOfHandlerName("onJobParsingEror"));
    assertEquals(Optional.empty(), NearestTypes.typoOfHandlerName("onCandidateHired"));
  }

  @Test
  void measuresEditDistance() {
    assertEquals(0, NearestTypes.distance("abc", "abc"));
    assertEquals(1, NearestTypes.distance("abc", "abd"));
    assertEquals(3, NearestTypes.distance("", "abc"));
  }
}
