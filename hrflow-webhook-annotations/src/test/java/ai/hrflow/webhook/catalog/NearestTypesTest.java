package ai.hrflow.webhook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
  void measuresEditDistance() {
    assertEquals(0, NearestTypes.distance("abc", "abc"));
    assertEquals(1, NearestTypes.distance("abc", "abd"));
    assertEquals(3, NearestTypes.distance("", "abc"));
  }
}
