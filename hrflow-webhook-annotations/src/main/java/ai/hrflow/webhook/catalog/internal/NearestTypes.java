package ai.hrflow.webhook.catalog.internal;

import ai.hrflow.webhook.catalog.EventType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog entries nearest to a misspelt type or handler name, for "did you mean" hints, by edit
 * distance, ignoring case.
 */
public final class NearestTypes {

  private static final int MAX_SUGGESTIONS = 3;

  /** A name this many edits or fewer from a catalog name is taken for a misspelling of it. */
  public static final int MAX_TYPO_EDITS = 2;

  private NearestTypes() {}

  /**
   * Up to three catalog handler method names nearest to {@code methodName}; empty if none is close.
   */
  public static List<String> toHandlerName(String methodName) {
    return nearest(methodName, type -> HandlerNames.methodNameFor(type.type()));
  }

  /**
   * Up to three catalog type strings nearest to {@code type}; empty if none is close.
   */
  public static List<String> toType(String type) {
    return nearest(type, EventType::type);
  }

  /**
   * The catalog type that {@code type} most likely misspells: the nearest one, if it is at most
   * {@value #MAX_TYPO_EDITS} edits away (ignoring case) and {@code type} is not itself in the catalog.
   */
  public static Optional<String> typoOfType(String type) {
    return typo(type, toType(type));
  }

  /** {@link #typoOfType} for a handler method name, such as {@code onProfileParsingSucess}. */
  public static Optional<String> typoOfHandlerName(String methodName) {
    return typo(methodName, toHandlerName(methodName));
  }

  private static Optional<String> typo(String name, List<String> nearest) {
    if (nearest.isEmpty() || nearest.get(0).equals(name)) {
      return Optional.empty();
    }
    String candidate = nearest.get(0);
    return distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)) <= MAX_TYPO_EDITS
        ? Optional.of(candidate)
        : Optional.empty();
  }

  private static List<String> nearest(String misspelt, Function<EventType, String> name) {
    String wanted = misspelt.toLowerCase(Locale.ROOT);
    int tolerance = Math.max(3, wanted.length() / 3);
    Map<String, Integer> distances =
        EventType.byType().values().stream()
            .map(name)
            .collect(Collectors.toMap(candidate -> candidate, candidate -> distance(wanted, candidate.toLowerCase(Locale.ROOT))));
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

  /**
   * Levenshtein distance: the fewest single-character edits that turn {@code a} into {@code b}.
   */
  public static int distance(String a, String b) {
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
