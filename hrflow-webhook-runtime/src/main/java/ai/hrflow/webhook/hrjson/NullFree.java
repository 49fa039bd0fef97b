package ai.hrflow.webhook.hrjson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Null-free, unmodifiable copies for record components, so that lists and maps are never null. */
final class NullFree {

  private NullFree() {}

  /**
   * The classes of {@link List#of} and {@link List#copyOf}: unmodifiable and null-free by
   * construction, so kept as they are (the generated binders hand over such lists).
   */
  private static final Set<Class<?>> IMMUTABLE = Set.copyOf(List.of(List.of().getClass(), List.of(1).getClass(), List.of(1, 2, 3).getClass()));

  /** An unmodifiable copy of {@code list} without its null elements (or the list itself if it is one); empty for null. */
  static <T> List<T> list(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    if (IMMUTABLE.contains(list.getClass())) {
      return list;
    }
    List<T> present = new ArrayList<>(list.size());
    for (T element : list) {
      if (element != null) {
        present.add(element);
      }
    }
    return java.util.Collections.unmodifiableList(present);
  }

  /** An unmodifiable copy of {@code map} without its null keys and values; empty for null. */
  static <V> Map<String, V> map(Map<String, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, V> present = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            present.put(key, value);
          }
        });
    return java.util.Collections.unmodifiableMap(present);
  }
}
