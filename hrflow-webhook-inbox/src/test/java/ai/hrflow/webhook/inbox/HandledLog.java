package ai.hrflow.webhook.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** The keys the nodes' handlers wrote to their files: how many times each was handled. */
final class HandledLog {

  private HandledLog() {}

  /** {@return per key, how many times it was handled}, from every file in {@code files} */
  static Map<String, Integer> read(Collection<Path> files) throws IOException {
    Map<String, Integer> handled = new HashMap<>();
    nodes(files).forEach((key, nodes) -> handled.put(key, nodes.size()));
    return handled;
  }

  /** {@return per key, the nodes that handled it, in the order of the files} */
  static Map<String, List<String>> nodes(Collection<Path> files) throws IOException {
    Map<String, List<String>> handled = new HashMap<>();
    for (Path file : files) {
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int space = line.indexOf(' ');
        if (space > 0 && space < line.length() - 1) { // a line cut by a kill has no node name
          handled.computeIfAbsent(line.substring(0, space), k -> new java.util.ArrayList<>()).add(line.substring(space + 1));
        }
      }
    }
    return handled;
  }

  /** Waits until every key of {@code expected} was handled, or {@code timeout} passed; {@return what was handled} */
  static Map<String, Integer> await(Collection<Path> files, Set<String> expected, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Integer> handled = read(files);
    while (!handled.keySet().containsAll(expected) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(250);
      handled = read(files);
    }
    return handled;
  }

  /** {@return the keys handled more than once, with their counts} */
  static Map<String, Integer> twice(Map<String, Integer> handled) {
    Map<String, Integer> twice = new TreeMap<>();
    handled.forEach(
        (key, count) -> {
          if (count > 1) {
            twice.put(key, count);
          }
        });
    return twice;
  }
}
