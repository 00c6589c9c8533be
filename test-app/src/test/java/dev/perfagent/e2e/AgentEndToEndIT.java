package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing: the test-app in its own JVM with {@code -javaagent:agent/target/perf-agent.jar},
 * exporting real OTLP to a receiver in this test (or to the local file), and the spans checked
 * against what the app reports it did.
 */
class AgentEndToEndIT {
  private static final Pattern SUMMARY =
      Pattern.compile("perf-agent: (\\d+) spans recorded, (\\d+) exported, (\\d+) dropped");

  @TempDir Path work;

  @Test
  void exportsTheAppsSpanTreeOverOtlpHttp() throws Exception {
    try (OtlpReceiver receiver = new HttpOtlpReceiver()) {
      assertTreeExported(receiver, AppRun.defaultJava());
    }
  }

  @Test
  void exportsTheAppsSpanTreeOverOtlpGrpc() throws Exception {
    try (OtlpReceiver receiver = new GrpcOtlpReceiver()) {
      assertTreeExported(receiver, AppRun.defaultJava());
    }
  }

  @Test
  void runsOnJava25() throws Exception {
    Path java25 = AppRun.java25OrSkip();
    try (OtlpReceiver receiver = new HttpOtlpReceiver()) {
      AppRun run = assertTreeExported(receiver, java25);
      assertFalse(run.stderr.contains("sun.misc.Unsafe"), "no deprecation warning from the agent:\n" + run.stderr);
    }
  }

  @Test
  void writesTheSameTreeToTheLocalFileWhenNoEndpointIsSet() throws Exception {
    AppRun run = AppRun.run(AppRun.defaultJava(), work, "config=" + AppRun.appConfig(), Map.of());
    assertEquals(0, run.exitCode, run.toString());
    Path file = work.resolve("perf-agent-traces.jsonl");
    assertTrue(Files.isRegularFile(file), "the embedded default writes " + file + "\n" + run);
    List<ReceivedSpan> spans = JsonLinesSpans.read(file);
    new SpanTree(spans).assertIsTreeOf(run.counters());
    assertSummary(run, spans.size());
    assertTrue(run.stderr.contains("exporting to file " + file.toRealPath()), run.stderr);
    double costs = spans.stream().map(s -> s.attribute("perf_agent.cost.usd")).filter(c -> c != null)
        .mapToDouble(c -> (Double) c).sum();
    assertTrue(costs > 0, "the LLM calls cost something");
    assertEquals(costs, JsonLinesMetrics.counterTotal(work.resolve("perf-agent-metrics.jsonl"), "perf_agent.gen_ai.cost"),
        costs * 1e-9, "the cost counter adds up the spans' costs");
  }

  @Test
  void aggregateModeCountsHotCallsOnTheParentSpanAndMinDurationDropsShortOnes() throws Exception {
    Path config = work.resolve("aggregate.yaml");
    try (java.io.InputStream in = getClass().getResourceAsStream("/aggregate-perf-agent.yaml")) {
      Files.copy(in, config);
    }
    AppRun run = AppRun.run(AppRun.defaultJava(), work, "config=" + config, Map.of());
    assertEquals(0, run.exitCode, run.toString());
    Map<String, Long> counters = run.counters();
    SpanTree tree = new SpanTree(JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl")));

    assertEquals(counters.get("conversations") + counters.get("agent.iterations") + counters.get("llm.calls"),
        tree.spans().size(),
        "only agent and iteration spans, and the presets' LLM spans: lookups aggregated, eligibility steps below"
            + " min-duration");
    assertEquals(counters.get("llm.calls"), tree.where(ChatSpans::isChat).size());
    long lookups = 0;
    for (ReceivedSpan s : tree.spans()) {
      Object count = s.attribute("pool.lookup.count");
      if (count != null) {
        lookups += (Long) count;
        assertTrue((Double) s.attribute("pool.lookup.total_ms") >= (Double) s.attribute("pool.lookup.max_ms"), s.toString());
        assertTrue((Double) s.attribute("pool.lookup.max_ms") >= (Double) s.attribute("pool.lookup.min_ms"), s.toString());
      }
    }
    assertEquals(counters.get("pool.lookups"), lookups, "every lookup is counted on its enclosing span");
    assertEquals(counters.get("pool.lookups"),
        JsonLinesMetrics.histogramCount(work.resolve("perf-agent-metrics.jsonl"), "perf_agent.aggregate.duration"),
        "and in the duration histogram");
    HistogramPoint histogram =
        JsonLinesMetrics.lastPoint(
            work.resolve("perf-agent-metrics.jsonl"), "perf_agent.aggregate.duration", "perf_agent.pointcut", "pool.lookup");
    assertEquals(HistogramPoint.SECONDS, histogram.bounds, "second-based buckets: " + histogram);
    assertEquals(histogram.count, histogram.bucketTotal(), histogram.toString());
  }

  @Test
  void aBackendThatIsDownCostsTheAppNothingAndTheLossIsReported() throws Exception {
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    AppRun run =
        AppRun.run(
            AppRun.defaultJava(), work, "config=" + AppRun.appConfig(),
            // without the exporter's retries (1 s, 1.5 s, 2.25 s... apart), each refused connection fails
            // at once: with them, on a loaded machine the last batch may still be waiting to retry when the
            // exit budget ends, which is then rightly reported as not flushed in time
            Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + closedPort,
                "OTEL_JAVA_EXPORTER_OTLP_RETRY_DISABLED", "true"));
    assertEquals(0, run.exitCode, run.toString());
    assertEquals(12, run.counters().get("conversations"), "the app did all its work");
    Matcher m = SUMMARY.matcher(run.stderr);
    assertTrue(m.find(), run.stderr);
    assertTrue(Long.parseLong(m.group(1)) > 0);
    assertEquals(0, Long.parseLong(m.group(2)), "nothing exported");
    assertEquals(m.group(1), m.group(3), "every recorded span is reported as dropped");
    assertTrue(
        run.stderr.contains("dropped (0 buffer full, " + m.group(1) + " export failed) -> OTLP"),
        "and as failed: a backend that is down is not a flush that timed out:\n" + run.stderr);
    assertFalse(Files.exists(work.resolve("perf-agent-traces.jsonl")), "no silent fallback to the file");
  }

  @Test
  void attachedLaterItRetransformsClassesAlreadyLoaded() throws Exception {
    Path config = work.resolve("late.yaml");
    Files.write(
        config,
        ("pointcuts:\n  - name: work\n    class: latecomer.Worker\n    method: work\n"
                + "    capture:\n      n: arg0\n")
            .getBytes(StandardCharsets.UTF_8));
    ProcessBuilder builder =
        new ProcessBuilder(
                AppRun.defaultJava().toString(), "-Djdk.attach.allowAttachSelf=true", "-cp",
                System.getProperty("java.class.path"), "latecomer.LateAttachMain",
                AppRun.agentJar().toString(), "config=" + config)
            .directory(work.toFile())
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("OTEL_"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("sum=8"), output);
    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    assertEquals(List.of(0L, 1L, 2L), spans.stream().map(s -> s.attribute("n")).collect(Collectors.toList()),
        "the three calls after the attach, not the one before:\n" + output);
  }

  @Test
  void aBrokenConfigNamesTheLineAndTheAppStillRuns() throws Exception {
    Path config = work.resolve("perf-agent.yaml");
    Files.write(
        config,
        ("service: broken\n"
                + "pointcuts:\n"
                + "  - name: tools\n"
                + "    class: com.acme.returns.tools.*\n"
                + "    methd: run\n")
            .getBytes(StandardCharsets.UTF_8));
    AppRun run = AppRun.run(AppRun.defaultJava(), work, "config=" + config, Map.of());
    assertEquals(0, run.exitCode, run.toString());
    assertTrue(run.counters().get("conversations") > 0, run.toString());
    assertTrue(run.stderr.contains(config + ":5:5: unknown key 'methd'"), run.stderr);
    assertTrue(run.stderr.contains("runs without instrumentation"), run.stderr);
    assertFalse(Files.exists(work.resolve("perf-agent-traces.jsonl")), "nothing exported");
  }

  @Test
  void withoutAConfigFileTheBuiltInPresetsAreOn() throws Exception {
    AppRun run = AppRun.run(AppRun.defaultJava(), work, "", Map.of(), "--conversations", "4");
    assertEquals(0, run.exitCode, run.toString());
    Map<String, Long> counters = run.counters();
    assertTrue(counters.get("conversations") > 0);
    assertTrue(run.stderr.contains("no configuration file"), run.stderr);
    assertTrue(run.stderr.contains("the built-in presets are on: openai, anthropic, langchain4j, spring-ai, jdbc"), run.stderr);
    assertTrue(run.stderr.contains(
            "config none (built-in presets), 65 pointcuts in force (0 of the file), presets openai, anthropic, langchain4j, spring-ai, jdbc"),
        run.stderr);
    List<ReceivedSpan> all = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    List<ReceivedSpan> database = all.stream().filter(s -> s.attribute("db.system.name") != null)
        .collect(Collectors.toList());
    List<ReceivedSpan> checkouts = all.stream().filter(s -> s.name.equals("HikariDataSource.getConnection"))
        .collect(Collectors.toList());
    assertEquals(counters.get("jdbc.statements") + counters.get("db.commits") + counters.get("db.rollbacks"),
        database.size(), "the jdbc preset: one span per statement, commit and rollback");
    assertEquals(counters.get("db.pool.checkouts"), checkouts.size(), "the jdbc preset: one span per checkout");
    List<ReceivedSpan> spans = all.stream().filter(s -> !database.contains(s) && !checkouts.contains(s))
        .collect(Collectors.toList());
    assertEquals(counters.get("llm.calls"), spans.size(), "one span per SDK request, and nothing else");
    long inputTokens = 0;
    for (ReceivedSpan span : spans) {
      assertTrue(ChatSpans.isChat(span) && span.kind.equals("SPAN_KIND_CLIENT"), span.toString());
      if (!ChatSpans.failed(span)) {
        inputTokens += (Long) span.attribute("gen_ai.usage.input_tokens");
        assertTrue((Double) span.attribute("perf_agent.cost.usd") > 0, span.toString());
      }
    }
    assertEquals(counters.entrySet().stream().filter(e -> e.getKey().startsWith("llm.input_tokens."))
        .mapToLong(Map.Entry::getValue).sum(), inputTokens, "input tokens: " + counters);
  }

  @Test
  void findsTheConfigThroughTheEnvironment() throws Exception {
    AppRun run =
        AppRun.run(
            AppRun.defaultJava(), work, "",
            Map.of("PERF_AGENT_CONFIG", AppRun.appConfig().toString()),
            "--conversations", "2");
    assertEquals(0, run.exitCode, run.toString());
    new SpanTree(JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl")));
    assertTrue(run.stderr.contains("config " + AppRun.appConfig()), run.stderr);
  }

  private AppRun assertTreeExported(OtlpReceiver receiver, Path java) throws IOException, InterruptedException {
    AppRun run =
        AppRun.run(
            java, work, "config=" + AppRun.appConfig(),
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", receiver.protocol(),
                "OTEL_SERVICE_NAME", "returns-e2e"));
    assertEquals(0, run.exitCode, run.toString());
    List<ReceivedSpan> spans = receiver.spans();
    new SpanTree(spans).assertIsTreeOf(run.counters());
    assertEquals("returns-e2e", spans.get(0).resource.get("service.name"), "OTEL_SERVICE_NAME wins");
    assertSummary(run, spans.size());
    assertTrue(run.stderr.contains("OTLP " + receiver.endpoint()), run.stderr);
    assertTrue(receiver.metricRequests() > 0, "metrics are exported at exit too");
    assertFalse(Files.exists(work.resolve("perf-agent-traces.jsonl")), "no local file with an endpoint");
    assertAppUsedItsOwnLibraryVersions(run);
    return run;
  }

  /** The app carries other versions of the libraries the agent shades, and still works with them. */
  private static void assertAppUsedItsOwnLibraryVersions(AppRun run) {
    assertTrue(run.stdout.contains("generated by Byte Buddy"), run.stdout);
    Matcher app =
        Pattern.compile("opentelemetry-api (\\S+), snakeyaml-engine (\\S+), byte-buddy (\\S+), slf4j ([^,\\s]+)")
            .matcher(run.stdout);
    Matcher agent = app.pattern().matcher(System.getProperty("agent.versions", ""));
    assertTrue(app.find(), "the app prints its library versions:\n" + run.stdout);
    assertTrue(agent.find(), "the build passes the agent's versions");
    for (int i = 1; i <= 4; i++) {
      assertNotEquals(agent.group(i), app.group(i), "the app's version differs from the agent's: " + app.group());
    }
  }

  private static void assertSummary(AppRun run, int received) {
    Matcher m = SUMMARY.matcher(run.stderr);
    assertTrue(m.find(), "one summary line at exit:\n" + run.stderr);
    assertEquals(received, Long.parseLong(m.group(1)), "recorded");
    assertEquals(received, Long.parseLong(m.group(2)), "exported");
    assertEquals(0, Long.parseLong(m.group(3)), "dropped");
  }
}
