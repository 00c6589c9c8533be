package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code OTEL_METRICS_EXPORTER=prometheus,perf-agent-file} through the real jar: the demo runs with
 * the agent, stays up, and its {@code /metrics} is scraped over HTTP; the figures must be what the
 * app says it did (its counters line), and the local metrics file is still written.
 */
class PrometheusExportIT {
  @TempDir Path work;

  @Test
  void theDemosMetricsAreScrapedAndAgreeWithItsCounters() throws Exception {
    int port = freePort();
    AppRun.Running app = startDemo(work, port);
    String url = "http://127.0.0.1:" + port + "/metrics";
    PrometheusText metrics;
    AppRun run;
    try {
      Map<String, Long> counters = app.sofar().counters();
      metrics = scrapeUntilExported(url, counters);
      assertEquals(sum(counters, "llm.input_tokens."), tokens(metrics, "input"), "input tokens");
      assertEquals(sum(counters, "llm.output_tokens."), tokens(metrics, "output"), "output tokens");
      assertEquals(byModel(counters, "llm.input_tokens."), tokensByModel(metrics, "input"));
      assertFalse(byModel(counters, "llm.cache_read_tokens.").isEmpty(), "the demo's prompts hit the cache");
      assertEquals(byModel(counters, "llm.cache_read_tokens."), tokenDetailByModel(metrics, "cache_read"));
      assertEquals(byModel(counters, "llm.cache_write_tokens."), tokenDetailByModel(metrics, "cache_creation"));
      assertEquals(counters.get("llm.calls"), (long) metrics.sum("gen_ai_client_operation_duration_seconds_count"));
      double firstChunks = metrics.sum("gen_ai_client_operation_time_to_first_chunk_seconds_count");
      assertTrue(firstChunks > 0 && firstChunks <= counters.get("llm.streamed"),
          firstChunks + ": one per streamed call that got a chunk (a rate-limited one gets none)");
      assertTrue(metrics.sum("perf_agent_gen_ai_cost_total") > 0, "the price table's estimate");

      String tools = "perf_agent_pointcut_duration_seconds_count";
      assertEquals(counters.get("tool.calls"), (long) metrics.sum(tools, s -> "execute_tool".equals(s.label("gen_ai_operation_name"))));
      assertEquals(counters.get("tool.failures"),
          (long) metrics.sum(tools, s -> "tool.execute".equals(s.label("perf_agent_pointcut")) && s.label("error_type") != null));
      Map<String, Double> byTool =
          metrics.sumBy(tools, "perf_agent_span_name", s -> "tool.execute".equals(s.label("perf_agent_pointcut")));
      assertEquals(byModel(counters, "tool.calls."), longs(byTool, "execute_tool "), "by tool: the span name is a dimension");
      assertEquals(counters.get("rag.searches"), (long) metrics.sum(tools, s -> "retrieval".equals(s.label("gen_ai_operation_name"))));
      assertEquals(counters.get("db.pool.checkouts"), (long) metrics.sum("db_client_connection_wait_time_seconds_count"));
      assertEquals(counters.get("jdbc.statements") + counters.get("db.commits") + counters.get("db.rollbacks"),
          (long) metrics.sum("db_client_operation_duration_seconds_count"));

      double recorded = metrics.sum("perf_agent_spans_recorded_total");
      assertEquals(recorded, metrics.sum("perf_agent_pointcut_duration_seconds_count"), "every span has its duration");
      assertEquals(recorded, metrics.sum("perf_agent_spans_exported_total"), "all in the traces file");
      assertEquals(0, metrics.sum("perf_agent_spans_dropped_total"));
      assertEquals(List.of("assembly_error", "buffer_full", "export_failed"),
          List.copyOf(new TreeSet<>(metrics.sumBy("perf_agent_spans_dropped_total", "perf_agent_drop_cause", s -> true).keySet())));
      assertEquals(0, metrics.sum("perf_agent_export_failures_total"));
      assertEquals(Map.of("traces", 0.0, "metrics", 0.0),
          metrics.sumBy("perf_agent_export_failures_total", "perf_agent_signal", s -> true));
      assertEquals(0, metrics.sum("perf_agent_buffer_used"));
      assertTrue(metrics.sum("perf_agent_buffer_capacity") >= 2048, metrics.text);
    } finally {
      run = app.terminate();
    }
    assertTrue(run.stderr.contains("metrics scraped at Prometheus " + url), run.stderr);
    assertTrue(Files.size(work.resolve("perf-agent-metrics.jsonl")) > 0, "the local file beside Prometheus");
  }

  /** The demo with the agent and Prometheus on {@code port} (localhost) beside the local file, once it has done its work. */
  static AppRun.Running startDemo(Path work, int port) throws IOException, InterruptedException {
    return AppRun.startMain(
        AppRun.defaultJava(), work, "config=" + AppRun.appConfig(),
        Map.of("OTEL_METRICS_EXPORTER", "prometheus,perf-agent-file",
            "OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1",
            "OTEL_EXPORTER_PROMETHEUS_PORT", String.valueOf(port),
            "OTEL_METRIC_EXPORT_INTERVAL", "1000"),
        "lingering", "com.acme.returns.Main", "--conversations=12", "--latency-scale=0.2", "--linger");
  }

  static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /** Scrapes until the exporter has drained and exported every span the app recorded (at most 60 s). */
  static PrometheusText scrapeUntilExported(String url, Map<String, Long> counters)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      PrometheusText metrics = PrometheusText.scrape(url);
      double recorded = metrics.sum("perf_agent_spans_recorded_total");
      boolean settled = recorded > 0 && recorded == metrics.sum("perf_agent_spans_exported_total")
          && tokens(metrics, "input") == sum(counters, "llm.input_tokens.");
      if (settled || System.nanoTime() > deadline) {
        return metrics;
      }
      Thread.sleep(250);
    }
  }

  private static long tokens(PrometheusText metrics, String type) {
    return (long) metrics.sum("gen_ai_client_token_usage_sum", s -> type.equals(s.label("gen_ai_token_type")));
  }

  private static Map<String, Long> tokensByModel(PrometheusText metrics, String type) {
    return longs(metrics.sumBy("gen_ai_client_token_usage_sum", "gen_ai_request_model",
        s -> type.equals(s.label("gen_ai_token_type"))), "");
  }

  /** The cache or reasoning tokens by request model; zeros left out (as {@link #byModel} does). */
  private static Map<String, Long> tokenDetailByModel(PrometheusText metrics, String detail) {
    Map<String, Long> by = longs(metrics.sumBy("perf_agent_gen_ai_client_token_usage_detail_total", "gen_ai_request_model",
        s -> detail.equals(s.label("perf_agent_gen_ai_token_detail"))), "");
    by.values().removeIf(v -> v == 0);
    return by;
  }

  private static Map<String, Long> longs(Map<String, Double> sums, String prefix) {
    Map<String, Long> longs = new TreeMap<>();
    sums.forEach((k, v) -> longs.put(k.startsWith(prefix) ? k.substring(prefix.length()) : k, v.longValue()));
    return longs;
  }

  private static long sum(Map<String, Long> counters, String prefix) {
    return counters.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
  }

  /** The counters under {@code prefix}, by what follows it (the model or tool name); zeros left out. */
  private static Map<String, Long> byModel(Map<String, Long> counters, String prefix) {
    Map<String, Long> by = new TreeMap<>();
    counters.forEach((k, v) -> {
      if (k.startsWith(prefix) && v > 0) {
        by.put(k.substring(prefix.length()), v);
      }
    });
    return by;
  }
}
