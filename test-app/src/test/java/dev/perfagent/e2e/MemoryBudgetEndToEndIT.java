package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The largest buffer-size with a small heap: the buffer is cut to fit, said in one line, and all works. */
class MemoryBudgetEndToEndIT {
  private static final Pattern REDUCED =
      Pattern.compile(
          "\\[WARN\\] perf-agent: export.buffer-size 16777216 needs about [0-9.]+ GiB up front \\((\\d+) bytes a span\\),"
              + " more than 1/8 of the maximum heap \\(([0-9.]+) MiB\\); the buffer holds (\\d+) spans \\(([0-9.]+) MiB\\) instead");

  @TempDir Path work;

  @Test
  void theLargestBufferInA64MegabyteHeapIsReducedToAnEighthAndTheAppRuns() throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(
        config,
        "export:\n  buffer-size: 16777216\n" + Files.readString(AppRun.appConfig(), StandardCharsets.UTF_8));
    AppRun run = AppRun.run(AppRun.defaultJava(), List.of("-Xmx64m"), work, "config=" + config, Map.of());
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(12, run.counters().get("conversations"), "the app did all its work:\n" + run);

    Matcher m = REDUCED.matcher(run.stderr);
    assertTrue(m.find(), "one line says what was asked, what the heap allows and what was done:\n" + run.stderr);
    double heapMiB = Double.parseDouble(m.group(2));
    double ringMiB = Double.parseDouble(m.group(4));
    assertTrue(heapMiB <= 64 && ringMiB <= heapMiB / 8, m.group());
    assertEquals(Long.parseLong(m.group(3)) * Long.parseLong(m.group(1)) / (1024.0 * 1024), ringMiB, 0.05, m.group());

    new SpanTree(JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"))).assertIsTreeOf(run.counters());
    assertTrue(run.stderr.contains(" 0 dropped (0 buffer full, 0 export failed) -> file"), run.stderr);
  }
}
