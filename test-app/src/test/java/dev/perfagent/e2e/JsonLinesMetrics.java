package dev.perfagent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Reads cumulative histograms from the OTLP JSON-lines metrics file. */
final class JsonLinesMetrics {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesMetrics() {}

  /**
   * The point of histogram {@code name} whose attribute {@code key} is {@code value}, from the last
   * export that has it (cumulative: the last holds everything); null when there is none.
   */
  static HistogramPoint lastPoint(Path file, String name, String key, String value) throws IOException {
    HistogramPoint last = null;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      for (JsonNode rm : JSON.readTree(line).path("resourceMetrics")) {
        for (JsonNode sm : rm.path("scopeMetrics")) {
          for (JsonNode m : sm.path("metrics")) {
            if (!name.equals(m.path("name").asText())) {
              continue;
            }
            for (JsonNode point : m.path("histogram").path("dataPoints")) {
              if (hasAttribute(point, key, value)) {
                last = point(m.path("unit").asText(), point);
              }
            }
          }
        }
      }
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

  /** Per export of metric {@code name}, the sum of {@code value} over its points; the largest. */
  private static double largestTotal(Path file, String name, String kind, ToDoubleFunction<JsonNode> value)
      throws IOException {
    double max = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      for (JsonNode rm : JSON.readTree(line).path("resourceMetrics")) {
        for (JsonNode sm : rm.path("scopeMetrics")) {
          for (JsonNode m : sm.path("metrics")) {
            if (name.equals(m.path("name").asText())) {
              double total = 0;
              for (JsonNode point : m.path(kind).path("dataPoints")) {
                total += value.applyAsDouble(point);
              }
              max = Math.max(max, total);
            }
          }
        }
      }
    }
    return max;
  }
}
