package dev.perfagent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Reads cumulative histograms from the OTLP JSON-lines metrics file. */
final class JsonLinesMetrics {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesMetrics() {}

  /**
   * The points of histogram {@code name} whose attribute {@code key} is {@code value} (whatever their
   * other attributes, such as flow-down dimensions), merged, from the last export that has them
   * (cumulative: the last holds everything); null when there is none.
   */
  static HistogramPoint lastPoint(Path file, String name, String key, String value) throws IOException {
    HistogramPoint last = null;
    for (JsonNode m : exports(file, name)) {
      HistogramPoint merged = null;
      for (JsonNode point : m.path("histogram").path("dataPoints")) {
        if (hasAttribute(point, key, value)) {
          HistogramPoint p = point(m.path("unit").asText(), point);
          merged = merged == null ? p : merged.plus(p);
        }
      }
      last = merged == null ? last : merged;
    }
    return last;
  }

  private static boolean hasAttribute(JsonNode point, String key, String value) {
    for (JsonNode kv : point.path("attributes")) {
      if (key.equals(kv.path("key").asText()) && value.equals(kv.path("value").path("stringValue").asText())) {
        return true;
      }
    }
    return false;
  }

  private static HistogramPoint point(String unit, JsonNode point) {
    List<Double> bounds = new ArrayList<>();
    point.path("explicitBounds").forEach(b -> bounds.add(b.asDouble()));
    List<Long> counts = new ArrayList<>();
    point.path("bucketCounts").forEach(c -> counts.add(c.asLong())); // int64: JSON strings
    return new HistogramPoint(
        unit, point.path("count").asLong(), bounds, counts,
        point.has("min") ? point.get("min").asDouble() : null,
        point.has("max") ? point.get("max").asDouble() : null);
  }

  /** The largest total count of histogram {@code name} over all exports (cumulative: the last). */
  static long histogramCount(Path file, String name) throws IOException {
    return (long) largestTotal(file, name, "histogram", point -> point.path("count").asLong());
  }

  /** The largest total of double counter {@code name} over all exports (cumulative: the last). */
  static double counterTotal(Path file, String name) throws IOException {
    return largestTotal(file, name, "sum", point -> point.path("asDouble").asDouble());
  }

  /**
   * The largest sum of the values recorded in histogram {@code name} over its points whose attribute
   * {@code key} is {@code value} (cumulative: the last export).
   */
  static double histogramSum(Path file, String name, String key, String value) throws IOException {
    return largestTotal(file, name, "histogram",
        point -> hasAttribute(point, key, value) ? point.path("sum").asDouble() : 0);
  }

  /** Per export of metric {@code name}, the sum of {@code value} over its points; the largest. */
  private static double largestTotal(Path file, String name, String kind, ToDoubleFunction<JsonNode> value)
      throws IOException {
    double max = 0;
    for (JsonNode m : exports(file, name)) {
      double total = 0;
      for (JsonNode point : m.path(kind).path("dataPoints")) {
        total += value.applyAsDouble(point);
      }
      max = Math.max(max, total);
    }
    return max;
  }

  /**
   * The sums of histogram {@code name} in its last export (cumulative: it holds everything) per
   * value of attribute {@code key} (the key "" for points without it), over the points whose
   * attribute {@code whereKey} is {@code whereValue}.
   */
  static Map<String, Double> histogramSumsBy(Path file, String name, String key, String whereKey, String whereValue)
      throws IOException {
    return lastTotalsBy(file, name, "histogram", point -> point.path("sum").asDouble(), key, whereKey, whereValue);
  }

  /** The counts of histogram {@code name} in its last export per value of attribute {@code key}. */
  static Map<String, Double> histogramCountsBy(Path file, String name, String key) throws IOException {
    return lastTotalsBy(file, name, "histogram", point -> point.path("count").asDouble(), key, null, null);
  }

  /** As {@link #histogramSumsBy}, for double counter {@code name}, over all its points. */
  static Map<String, Double> counterTotalsBy(Path file, String name, String key) throws IOException {
    return lastTotalsBy(file, name, "sum", point -> point.path("asDouble").asDouble(), key, null, null);
  }

  private static Map<String, Double> lastTotalsBy(
      Path file, String name, String kind, ToDoubleFunction<JsonNode> value, String key, String whereKey,
      String whereValue) throws IOException {
    List<JsonNode> exports = exports(file, name);
    Map<String, Double> totals = new TreeMap<>();
    if (exports.isEmpty()) {
      return totals;
    }
    for (JsonNode point : exports.get(exports.size() - 1).path(kind).path("dataPoints")) {
      if (whereKey == null || hasAttribute(point, whereKey, whereValue)) {
        totals.merge(stringAttribute(point, key), value.applyAsDouble(point), Double::sum);
      }
    }
    return totals;
  }

  /**
   * Long sum (counter or up-down counter) {@code name} in each export, in file order: the values per
   * value of attribute {@code key} ("" for points without it), over the points whose attribute
   * {@code whereKey} is {@code whereValue}.
   */
  static List<Map<String, Long>> longSumsBy(Path file, String name, String key, String whereKey, String whereValue)
      throws IOException {
    List<Map<String, Long>> exports = new ArrayList<>();
    for (JsonNode m : exports(file, name)) {
      Map<String, Long> values = new TreeMap<>();
      for (JsonNode point : m.path("sum").path("dataPoints")) {
        if (hasAttribute(point, whereKey, whereValue)) {
          values.merge(stringAttribute(point, key), point.path("asInt").asLong(), Long::sum); // int64: JSON strings
        }
      }
      exports.add(values);
    }
    return exports;
  }

  private static String stringAttribute(JsonNode point, String key) {
    for (JsonNode kv : point.path("attributes")) {
      if (key.equals(kv.path("key").asText())) {
        return kv.path("value").path("stringValue").asText();
      }
    }
    return "";
  }

  /** Metric {@code name} as each export (one line of the file) has it, in file order. */
  private static List<JsonNode> exports(Path file, String name) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      for (JsonNode rm : JSON.readTree(line).path("resourceMetrics")) {
        for (JsonNode sm : rm.path("scopeMetrics")) {
          for (JsonNode m : sm.path("metrics")) {
            if (name.equals(m.path("name").asText())) {
              found.add(m);
            }
          }
        }
      }
    }
    return found;
  }
}
