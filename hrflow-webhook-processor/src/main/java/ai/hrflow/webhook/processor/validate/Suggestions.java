package ai.hrflow.webhook.processor.validate;

import ai.hrflow.webhook.catalog.EventType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The catalog's handler method names nearest to a misspelt one, for "did you mean" hints. */
final class Suggestions {

  private static final int MAX_SUGGESTIONS = 3;

  private Suggestions() {}

  /**
   * Up to three conventional handler names closest to {@code methodName} by edit distance, nearest
   * first; empty when none is close enough to be a plausible typo.
   */
  static List<String> nearestHandlerNames(String methodName) {
    String wanted = methodName.toLowerCase(Locale.ROOT);
    int tolerance = Math.max(3, wanted.length() / 3);
    Map<String, Integer> distances =
        EventType.byType().values().stream()
            .map(EventType::handlerMethodName)
            .collect(Collectors.toMap(name -> name, name -> distance(wanted, name.toLowerCase(Locale.ROOT))));
    int best = distances.values().stream().min(Integer::compare).orElse(Integer.MAX_VALUE);
    if (best > tolerance) {
      return List.of();
    }
    return distances.entrySet().stream()
        .filter(entry -> entry.getValue() <= Math.min(tolerance, best + 1))
        .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
        .limit(MAX_SUGGESTIONS)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Levenshtein distance: the fewest single-character edits that turn {@code a} into {@code b}. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
