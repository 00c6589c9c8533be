package dev.perfagent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads cumulative histogram totals from the OTLP JSON-lines metrics file. */
final class JsonLinesMetrics {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesMetrics() {}

  /** The largest total count of histogram {@code name} over all exports (cumulative: the last). */
  static long histogramCount(Path file, String name) throws IOException {
    long max = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      for (JsonNode rm : JSON.readTree(line).path("resourceMetrics")) {
        for (JsonNode sm : rm.path("scopeMetrics")) {
          for (JsonNode m : sm.path("metrics")) {
            if (name.equals(m.path("name").asText())) {
              long count = 0;
              for (JsonNode point : m.path("histogram").path("dataPoints")) {
                count += point.path("count").asLong();
              }
              max = Math.max(max, count);
            }
          }
        }
      }
    }
    return max;
  }
}
