package ai.hrflow.webhook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's event table is generated from the catalog; this test fails when they differ. Run it
 * with {@code -Dreadme.update=true} to rewrite the table from the catalog.
 */
class ReadmeEventTableTest {

  private static final Path README = Path.of("..", "README.md");
  private static final String BEGIN = "<!-- events:begin (generated from EventType by ReadmeEventTableTest) -->";
  private static final String END = "<!-- events:end -->";

  /** The table, as the catalog says it. */
  static String table() {
    StringBuilder table =
        new StringBuilder("| type | payload | handler method | volume | documented in | what happened |\n")
            .append("|---|---|---|---|---|---|\n");
    for (EventType type : EventType.values()) {
      table.append("| `").append(type.type())
          .append("` | `").append(type.family().payloadSimpleName())
          .append("` | `").append(type.handlerMethodName())
          .append("` | ").append(type.volume().label())
          .append(" | ").append(type.documentedIn().label())
          .append(" | ").append(type.description())
          .append(" |\n");
    }
    return table.toString();
  }

  @Test
  void readmeEventTableMatchesTheCatalog() throws IOException {
    String readme = Files.readString(README);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "README.md has no " + BEGIN + " ... " + END + " section");
    String current = readme.substring(begin + BEGIN.length(), end);
    String expected = "\n" + table();
    if (Boolean.getBoolean("readme.update")) {
      Files.writeString(README, readme.substring(0, begin + BEGIN.length()) + expected + readme.substring(end));
      return;
    }
    assertEquals(expected, current, "README's event table differs from the catalog; run with -Dreadme.update=true");
  }
}
