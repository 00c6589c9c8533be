package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that makes 100,000 spans/s from its first instant for one second: three times what the
 * recorder's buffer (32,768 spans here) holds, made while the OpenTelemetry SDK starts or while the
 * export path is still cold (interpreted, being compiled) and slower than the application. Every
 * span is kept and exported, none dropped: not at the buffer, nor in the SDK's batch queue (32,768
 * spans) when a backlog is handed over. (With the default 8,192 the buffer lasts 82 ms at this rate,
 * less than one stall of the exporter thread on a machine as busy as this test's, class loading and
 * the first interpreted spans included: see docs/performance.md.)
 */
class ColdStartEndToEndIT {
  private static final int CALLS = 100_000;

  @TempDir Path work;

  @Test
  void spansRecordedBeforeTheSdkIsUpAreAllExported() throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(
        config,
        "export:\n  buffer-size: 32768\n"
            + "pointcuts:\n  - name: burst-step\n    class: coldstart.BurstMain\n    method: step\n"
            + "    capture:\n      n: arg0\n");
    AppRun run =
        AppRun.runMain(AppRun.defaultJava(), work, "config=" + config, "coldstart.BurstMain",
            String.valueOf(CALLS), "100000", "2000");
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stdout.contains("calls=" + CALLS), run.toString());
    assertTrue(
        run.stderr.contains(
            "perf-agent: " + CALLS + " spans recorded, " + CALLS + " exported, 0 dropped (0 buffer full, 0 export failed)"),
        run.stderr);

    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    assertEquals(CALLS, spans.size());
    Set<Object> calls = spans.stream().map(s -> s.attribute("n")).collect(Collectors.toSet());
    assertEquals(LongStream.range(0, CALLS).boxed().collect(Collectors.toSet()), calls, "each call once");
    assertEquals(CALLS, spans.stream().map(s -> s.spanId).distinct().count());
  }
}
