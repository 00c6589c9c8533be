package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard OpenTelemetry settings the agent honours, through the real jar: several exporters,
 * the sampler, and the second-based duration buckets that percentiles are computed from.
 */
class ExportSettingsEndToEndIT {
  private static final Pattern SUMMARY =
      Pattern.compile("perf-agent: (\\d+) spans recorded, (\\d+) exported, (\\d+) dropped \\(([^)]*)\\)(, (\\d+) not sampled)? -> (.*)");
  private static final Pattern CONSOLE_SPAN = Pattern.compile("^'.*' : [0-9a-f]{32} [0-9a-f]{16} ", Pattern.MULTILINE);

  @TempDir Path work;

  @Test
  void everyConfiguredExporterGetsEverySpanAndTheSummaryCountsEach() throws Exception {
    try (OtlpReceiver receiver = new HttpOtlpReceiver()) {
      AppRun run =
          AppRun.run(
              AppRun.defaultJava(), work, "config=" + AppRun.appConfig(),
              Map.of("OTEL_TRACES_EXPORTER", "otlp,console", "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()));
      assertEquals(0, run.exitCode, run.toString());
      List<ReceivedSpan> spans = receiver.spans();
      new SpanTree(spans).assertIsTreeOf(run.counters());
      int n = spans.size();

      Matcher console = CONSOLE_SPAN.matcher(run.stderr);
      int printed = 0;
      while (console.find()) {
        printed++;
      }
      assertEquals(n, printed, "the console exporter printed every span too");

      Matcher m = summary(run);
      assertEquals(List.of((long) n, (long) n, 0L), List.of(group(m, 1), group(m, 2), group(m, 3)), m.group());
      assertTrue(
          m.group(7).contains("OTLP " + receiver.endpoint() + " (http/protobuf): " + n + " exported, 0 export failed"),
          m.group());
      assertTrue(m.group(7).contains("console: " + n + " exported, 0 export failed"), m.group());
    }
  }

  @Test
  void aRatioSamplerKeepsWholeTracesAndTheSummaryAccountsForTheRest() throws Exception {
    AppRun run =
        AppRun.run(
            AppRun.defaultJava(), work, "config=" + AppRun.appConfig(),
            Map.of("OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER_ARG", "0.5"),
            "--conversations", "40");
    assertEquals(0, run.exitCode, run.toString());
    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    long conversations = run.counters().get("conversations");
    Set<String> ids = spans.stream().map(s -> s.spanId).collect(Collectors.toSet());
    for (ReceivedSpan s : spans) {
      assertTrue(s.parentSpanId.isEmpty() || ids.contains(s.parentSpanId), "whole traces only, yet no parent for " + s);
    }
    long traces = spans.stream().filter(s -> s.parentSpanId.isEmpty()).count();
    // binomial(40, 0.5) is outside 5..35 with a probability below 1e-6
    assertTrue(traces >= 5 && traces <= 35, traces + " of " + conversations + " traces kept");
    assertEquals(traces, spans.stream().map(s -> s.traceId).distinct().count(), "one root per trace");

    Matcher m = summary(run);
    long recorded = group(m, 1);
    assertEquals(spans.size(), group(m, 2), "exported: " + m.group());
    assertEquals(0, group(m, 3), "dropped: " + m.group());
    assertNotNull(m.group(6), "the spans left out are named: " + m.group());
    assertEquals(recorded, group(m, 2) + group(m, 6), "recorded = exported + not sampled: " + m.group());
  }

  @Test
  void alwaysOffExportsNothing() throws Exception {
    AppRun run =
        AppRun.run(
            AppRun.defaultJava(), work, "config=" + AppRun.appConfig(),
            Map.of("OTEL_TRACES_SAMPLER", "always_off"), "--conversations", "2");
    assertEquals(0, run.exitCode, run.toString());
    Path file = work.resolve("perf-agent-traces.jsonl");
    assertTrue(!Files.exists(file) || JsonLinesSpans.read(file).isEmpty(), "no span in " + file);
    Matcher m = summary(run);
    assertTrue(group(m, 1) > 0, m.group());
    assertEquals(0, group(m, 2), m.group());
    assertEquals(group(m, 1), group(m, 6), "every span is counted as not sampled: " + m.group());
  }

  @Test
  void pointcutDurationsHaveSecondBucketsThatGiveASensibleP50AndP95() throws Exception {
    AppRun run = AppRun.run(AppRun.defaultJava(), work, "config=" + AppRun.appConfig(), Map.of());
    assertEquals(0, run.exitCode, run.toString());
    long measured = 0;
    // the presets' pointcuts the app's model calls go through: LangChain4j's chat, openai-java's
    // stream, anthropic-java's async call
    for (String pointcut : List.of("langchain4j.chat.openai", "openai.chat.stream", "anthropic.messages.async")) {
      HistogramPoint chat =
          JsonLinesMetrics.lastPoint(
              work.resolve("perf-agent-metrics.jsonl"), "perf_agent.pointcut.duration", "perf_agent.pointcut", pointcut);
      assertNotNull(chat, "a duration histogram for the " + pointcut + " pointcut");
      assertEquals("s", chat.unit);
      assertEquals(HistogramPoint.SECONDS, chat.bounds, chat.toString());
      assertEquals(HistogramPoint.SECONDS.size() + 1, chat.bucketCounts.size(), chat.toString());
      assertEquals(chat.count, chat.bucketTotal(), "the buckets hold every measurement: " + chat);
      measured += chat.count;

      double p50 = chat.quantile(0.50);
      double p95 = chat.quantile(0.95);
      assertTrue(p50 > 0 && p50 <= p95, "p50 " + p50 + ", p95 " + p95 + ": " + chat);
      if (chat.min != null && chat.max != null) {
        assertTrue(chat.min <= p50 && p95 <= chat.max, "p50 " + p50 + ", p95 " + p95 + ": " + chat);
      }
      // (not the p95: the first call of each SDK loads its classes, seconds on a busy machine)
      assertTrue(p50 < 10, "a simulated model call takes well under 10 s: p50 " + p50);
    }
    assertEquals(run.counters().get("llm.calls"), measured, "one measurement per call");
  }

  @Test
  void exceptionMessagesAndStackTracesCanBeLeftOut() throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.writeString(
        config,
        "export:\n  exception-message: false\n  exception-stack-trace: false\n"
            + Files.readString(AppRun.appConfig(), StandardCharsets.UTF_8));
    AppRun run = AppRun.run(AppRun.defaultJava(), work, "config=" + config, Map.of());
    assertEquals(0, run.exitCode, run.toString());
    String traces = Files.readString(work.resolve("perf-agent-traces.jsonl"), StandardCharsets.UTF_8);
    assertTrue(traces.contains("\"exception.type\""), "the app's failures are still spans with their type");
    assertFalse(traces.contains("\"exception.message\""), "no message");
    assertFalse(traces.contains("\"exception.stacktrace\""), "no stack trace");
  }

  @Test
  void grpcWithoutTheCompanionJarSaysWhichFileIsMissingAndTheAppRunsWithTheOtherExporters() throws Exception {
    Path alone = Files.createDirectories(work.resolve("alone"));
    Path agent = Files.copy(AppRun.agentJar(), alone.resolve("perf-agent.jar"));
    try (OtlpReceiver receiver = new GrpcOtlpReceiver()) {
      AppRun run =
          AppRun.run(
              AppRun.defaultJava(), work, List.of("-javaagent:" + agent + "=config=" + AppRun.appConfig()), null,
              List.of(),
              Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(), "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                  "OTEL_TRACES_EXPORTER", "otlp,console"),
              "--conversations", "5");
      assertEquals(0, run.exitCode, run.toString());
      String message = "OTLP over gRPC needs " + alone.resolve("perf-agent-grpc.jar").toAbsolutePath()
          + ", which is not there: traces and metrics are not exported over OTLP. Put perf-agent-grpc.jar beside "
          + "perf-agent.jar, or use OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (port 4318)";
      assertEquals(1, run.stderr.split(Pattern.quote(message), -1).length - 1, "said once:\n" + run.stderr);
      Matcher m = summary(run);
      assertTrue(group(m, 1) > 0, m.group());
      assertEquals(group(m, 1), group(m, 2), "the console exporter still gets every span: " + m.group());
      assertFalse(m.group(7).contains("OTLP"), m.group());
      assertTrue(receiver.spans().isEmpty(), "nothing sent over gRPC");
      assertEquals(0, receiver.metricRequests(), "no metrics sent over gRPC");
    }
  }

  private static Matcher summary(AppRun run) {
    Matcher m = SUMMARY.matcher(run.stderr);
    assertTrue(m.find(), "one summary line at exit:\n" + run.stderr);
    return m;
  }

  private static long group(Matcher m, int group) {
    return Long.parseLong(m.group(group));
  }
}
