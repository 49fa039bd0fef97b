package ai.hrflow.webhook.hrjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records' lists: a caller's list is copied without its nulls; an immutable one is kept as it is. */
class NullFreeTest {

  @Test
  void aCallersListIsCopiedWithoutNullsAndCannotChangeAfterwards() {
    List<String> mine = new ArrayList<>(Arrays.asList("a", null, "b"));
    List<String> kept = NullFree.list(mine);
    assertEquals(List.of("a", "b"), kept);
    mine.add("c");
    assertEquals(List.of("a", "b"), kept);
    assertThrows(UnsupportedOperationException.class, () -> kept.add("d"));
    List<String> fixedSize = Arrays.asList("x", "y");
    assertNotSame(fixedSize, NullFree.list(fixedSize), "Arrays.asList can be written through: copied");
  }

  @Test
  void anImmutableNullFreeListIsKeptAsItIs() {
    for (List<String> immutable : List.of(List.of("a"), List.of("a", "b"), List.of("a", "b", "c"), List.copyOf(new ArrayList<>(List.of("a", "b", "c", "d"))))) {
      assertSame(immutable, NullFree.list(immutable));
    }
    assertEquals(List.of(), NullFree.list(null));
  }

  @Test
  void aRecordBuiltByHandKeepsItsOwnCopy() {
    List<Skill> skills = new ArrayList<>(List.of(new Skill("Java", "hard", null)));
    Profile profile = new Profile(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, skills, null, null, null, null, null, null, null, null);
    skills.clear();
    assertEquals(1, profile.skills().size());
  }
}
