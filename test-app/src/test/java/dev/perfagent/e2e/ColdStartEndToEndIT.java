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
 * A process that makes 100,000 spans/s from its first instant for one second, with the default
 * buffer of 8,192 spans: twelve times what it holds, made while the OpenTelemetry SDK starts or while
 * the export path is still cold (interpreted, being compiled) and slower than the application, on a
 * machine as busy as this test's, where the exporter thread is not always scheduled within the 82 ms
 * the buffer lasts at this rate. Every span is kept and exported, none dropped: not at the buffer
 * (what finds it full spills), nor in the SDK's batch queue (8,192 spans) when a backlog is handed
 * over.
 */
class ColdStartEndToEndIT {
  private static final int CALLS = 100_000;

  @TempDir Path work;

  @Test
  void spansRecordedBeforeTheSdkIsUpAreAllExported() throws Exception {
    allExported(runBurst("100000"));
  }

  /**
   * As fast as the application can, from its first instant: the exporter cannot keep up, whatever
   * the machine; the spill (16 times the buffer) takes what finds the buffer full.
   */
  @Test
  void aBurstFasterThanTheExporterIsKeptWhole() throws Exception {
    allExported(runBurst("1e12"));
  }

  private AppRun runBurst(String callsPerSecond) throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(
        config,
        "pointcuts:\n  - name: burst-step\n    class: coldstart.BurstMain\n    method: step\n"
            + "    capture:\n      n: arg0\n");
    return AppRun.runMain(AppRun.defaultJava(), work, "config=" + config, "coldstart.BurstMain",
        String.valueOf(CALLS), callsPerSecond, "2000");
  }

  private void allExported(AppRun run) throws Exception {
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
