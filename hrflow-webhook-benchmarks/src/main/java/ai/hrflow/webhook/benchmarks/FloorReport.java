package ai.hrflow.webhook.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result of {@link ReceiveBenchmark} into the table of BENCHMARKS.md: per payload and
 * scheme, the median time of receive and of its floor (with the range of the per-fork medians), the
 * ratio of the medians, and the bytes allocated per event.
 *
 * <pre>java -cp benchmarks.jar ai.hrflow.webhook.benchmarks.FloorReport result.json</pre>
 */
public final class FloorReport {

  private static final Map<String, Integer> EVENTS = Map.of("profile-1k", 1, "profile-5k", 1, "batch-100", 100);

  private FloorReport() {}

  public static void main(String[] args) throws IOException {
    JsonNode results = new ObjectMapper().readTree(new File(args[0]));
    Map<String, Map<String, JsonNode>> byCase = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String method = result.get("benchmark").asText().replaceAll(".*\\.", "");
      String key = result.at("/params/payload").asText() + " " + result.at("/params/scheme").asText();
      byCase.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(method, result);
    }
    // The floor does not depend on the scheme (same JSON, same HMAC): pool both runs of it too.
    Map<String, List<Double>> pooledFloor = new LinkedHashMap<>();
    for (Map<String, JsonNode> benchmarks : byCase.values()) {
      JsonNode floor = benchmarks.get("floor");
      if (floor != null) {
        pooledFloor.computeIfAbsent(floor.at("/params/payload").asText(), k -> new ArrayList<>()).addAll(all(floor));
      }
    }
    System.out.println(
        "| payload | scheme | receive µs (fork range) | floor µs, same run (fork range) | ratio | ratio to the pooled floor | receive B/event | floor B/event |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Map.Entry<String, Map<String, JsonNode>> entry : byCase.entrySet()) {
      JsonNode receive = entry.getValue().get("receive");
      JsonNode floor = entry.getValue().get("floor");
      if (receive == null || floor == null) {
        continue;
      }
      String payload = entry.getKey().split(" ")[0];
      int events = EVENTS.getOrDefault(payload, 1);
      double receiveMedian = median(all(receive));
      double floorMedian = median(all(floor));
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %.2f (%s) | %.2f (%s) | %.2f | %.2f | %.0f | %.0f |%n",
          payload,
          entry.getKey().split(" ")[1],
          receiveMedian,
          forkRange(receive),
          floorMedian,
          forkRange(floor),
          receiveMedian / floorMedian,
          receiveMedian / median(pooledFloor.get(payload)),
          allocation(receive) / events,
          allocation(floor) / events);
    }
  }

  private static List<Double> all(JsonNode result) {
    List<Double> values = new ArrayList<>();
    result.at("/primaryMetric/rawData").forEach(fork -> fork.forEach(value -> values.add(value.asDouble())));
    return values;
  }

  private static String forkRange(JsonNode result) {
    List<Double> medians = new ArrayList<>();
    result.at("/primaryMetric/rawData").forEach(fork -> {
      List<Double> values = new ArrayList<>();
      fork.forEach(value -> values.add(value.asDouble()));
      medians.add(median(values));
    });
    return String.format(Locale.ROOT, "%.2f–%.2f", medians.stream().mapToDouble(d -> d).min().orElse(0), medians.stream().mapToDouble(d -> d).max().orElse(0));
  }

  private static double allocation(JsonNode result) {
    JsonNode metric = result.at("/secondaryMetrics/gc.alloc.rate.norm/score");
    if (metric.isMissingNode()) {
      metric = result.at("/secondaryMetrics/·gc.alloc.rate.norm/score");
    }
    return metric.asDouble(Double.NaN);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
