package ai.hrflow.webhook.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.hrflow.webhook.catalog.internal.HandlerNames;
import ai.hrflow.webhook.catalog.internal.PayloadSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The event table in {@code EVENTS.md} is generated from the catalog; this test fails when they
 * differ. Run it with {@code -Devents.update=true} to rewrite the table from the catalog.
 */
class EventsTableTest {

  private static final Path EVENTS = Path.of("..", "EVENTS.md");
  private static final String BEGIN = "<!-- events:begin (generated from EventType by EventsTableTest) -->";
  private static final String END = "<!-- events:end -->";

  /** The table, as the catalog says it. */
  static String table() {
    StringBuilder table =
        new StringBuilder("| type | payload | handler method | volume | documented in | what happened |\n")
            .append("|---|---|---|---|---|---|\n");
    for (EventType type : EventType.values()) {
      table.append("| `").append(type.type())
          .append("` | `").append(PayloadSchema.of(type.family()).payloadSimpleName())
          .append("` | `").append(HandlerNames.methodNameFor(type.type()))
          .append("` | ").append(type.volume().label())
          .append(" | ").append(type.documentedIn().label())
          .append(" | ").append(type.description())
          .append(" |\n");
    }
    return table.toString();
  }

  @Test
  void eventsTableMatchesTheCatalog() throws IOException {
    String events = Files.readString(EVENTS);
    int begin = events.indexOf(BEGIN);
    int end = events.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "EVENTS.md has no " + BEGIN + " ... " + END + " section");
    String current = events.substring(begin + BEGIN.length(), end);
    String expected = "\n" + table();
    if (Boolean.getBoolean("events.update")) {
      Files.writeString(EVENTS, events.substring(0, begin + BEGIN.length()) + expected + events.substring(end));
      return;
    }
    assertEquals(expected, current, "EVENTS.md's table differs from the catalog; run with -Devents.update=true");
  }
}
