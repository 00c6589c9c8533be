package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenTelemetry SDK starts only when there is something to export (an application in which no
 * pointcut matches never loads it nor writes a file: {@code LazyWeaverIT}); the first span after a
 * long idle starts it and is exported while the application runs; a Prometheus endpoint answers from
 * the start.
 */
class LazySdkIT {
  @TempDir Path work;

  @Test
  void theFirstSpanAfterALongIdleStartsTheSdkAndIsExported() throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(
        config, "pointcuts:\n  - name: idle-step\n    class: lazystart.IdleMain\n    method: step\n"
            + "    capture:\n      n: arg0\n");
    Path traces = work.resolve("perf-agent-traces.jsonl");
    AppRun run =
        AppRun.runMain(
            AppRun.defaultJava(), List.of(), work, "config=" + config + ",log-level=debug", Map.of(),
            "lazystart.IdleMain", "3000", "1", traces.toString());
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.stdout.contains("exported while running"), run.toString());
    assertTrue(run.stderr.contains("a span was recorded, the OpenTelemetry SDK starts"), run.stderr);
    assertTrue(run.stderr.contains("perf-agent: 1 spans recorded, 1 exported, 0 dropped"), run.stderr);
    List<ReceivedSpan> spans = JsonLinesSpans.read(traces);
    assertEquals(1, spans.size());
    assertEquals(1L, spans.get(0).attribute("n"));
  }

  @Test
  void aPrometheusEndpointAnswersBeforeAnythingIsRecorded() throws Exception {
    int port = PrometheusExportIT.freePort();
    AppRun.Running app =
        AppRun.startMain(
            AppRun.defaultJava(), work, "log-level=debug",
            Map.of("OTEL_METRICS_EXPORTER", "prometheus",
                "OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1",
                "OTEL_EXPORTER_PROMETHEUS_PORT", String.valueOf(port)),
            "idle", "lazystart.IdleMain", "120000", "0");
    AppRun run;
    try {
      PrometheusText metrics = scrapeWithin("http://127.0.0.1:" + port + "/metrics", 60);
      assertEquals(0, metrics.sum("perf_agent_spans_recorded_total"), metrics.text);
      assertTrue(metrics.sum("perf_agent_buffer_capacity") >= 2048, metrics.text);
    } finally {
      run = app.terminate();
    }
    assertTrue(run.stderr.contains("the OpenTelemetry SDK starts now (a Prometheus endpoint is configured)"), run.stderr);
  }

  /**
   * The first answer of {@code url} within {@code seconds} that holds the agent's own metrics (the SDK
   * starts on a thread of its own; its endpoint answers, empty, a moment before the agent's gauges are
   * registered, which an application that starts fast can see).
   */
  private static PrometheusText scrapeWithin(String url, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (true) {
      try {
        PrometheusText metrics = PrometheusText.scrape(url);
        if (metrics.text.contains("perf_agent_buffer_capacity") || System.nanoTime() > deadline) {
          return metrics;
        }
      } catch (java.io.IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      Thread.sleep(100);
    }
  }
}
