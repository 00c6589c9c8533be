package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * perf-agent beside the OpenTelemetry Java agent and the Elastic APM agent, each loaded before and
 * after it (the order of the {@code -javaagent} options), both agents instrumenting the same JDBC
 * driver and some of the same methods: perf-agent's span tree is still exactly what the app counted,
 * and perf-agent warns about nothing. The other agents' jars are fetched from Maven Central by the
 * build (test-app/pom.xml, versions in the root pom).
 */
class BesideOtherAgentsIT {
  private static final Pattern SUMMARY =
      Pattern.compile("perf-agent: (\\d+) spans recorded, (\\d+) exported, (\\d+) dropped");
  /** Methods perf-agent's test-app config weaves too. */
  private static final String OTEL_METHODS =
      "com.acme.returns.agent.ReturnsAgent[handle,runIteration];"
          + "com.acme.returns.tools.CheckEligibilityTool[checkWindow,checkFraudFlags]";
  private static final String ELASTIC_METHODS =
      "com.acme.returns.agent.ReturnsAgent#handle,com.acme.returns.agent.ReturnsAgent#runIteration,"
          + "com.acme.returns.tools.CheckEligibilityTool#check*";

  @TempDir Path work;

  @Test
  void besideTheOpenTelemetryAgentLoadedFirst() throws Exception {
    besideOpenTelemetry(true);
  }

  @Test
  void besideTheOpenTelemetryAgentLoadedSecond() throws Exception {
    besideOpenTelemetry(false);
  }

  @Test
  void besideTheElasticAgentLoadedFirst() throws Exception {
    besideElastic(true);
  }

  @Test
  void besideTheElasticAgentLoadedSecond() throws Exception {
    besideElastic(false);
  }

  private void besideOpenTelemetry(boolean first) throws Exception {
    // the OpenTelemetry agent's own settings file: otel.* system properties would reach perf-agent's
    // SDK too (it honours them on purpose), so the two agents are configured apart
    Path settings = work.resolve("otel-agent.properties");
    Files.write(
        settings,
        List.of(
            "otel.service.name=returns-otel-agent",
            "otel.traces.exporter=logging",
            "otel.metrics.exporter=none",
            "otel.logs.exporter=none",
            "otel.instrumentation.methods.include=" + OTEL_METHODS),
        StandardCharsets.UTF_8);
    List<String> agent =
        List.of(
            "-javaagent:" + AppRun.otherAgentJar("other.agent.opentelemetry"),
            "-Dotel.javaagent.configuration-file=" + settings);
    AppRun run = runBeside(agent, first);

    // the OpenTelemetry agent instrumented the same driver and methods, and recorded them
    assertTrue(run.stderr.contains("[tracer: io.opentelemetry.jdbc:"), "its JDBC spans:\n" + run.stderr);
    assertEquals(
        run.counters().get("conversations"),
        run.stderr.lines().filter(l -> l.contains("LoggingSpanExporter - 'ReturnsAgent.handle'")).count(),
        "its span per conversation, from a method perf-agent weaves too:\n" + run.stderr);
  }

  private void besideElastic(boolean first) throws Exception {
    Path log = work.resolve("elastic-apm.log");
    List<String> agent =
        List.of(
            "-javaagent:" + AppRun.otherAgentJar("other.agent.elastic"),
            "-Delastic.apm.service_name=returns-elastic-agent",
            "-Delastic.apm.disable_send=true", // no APM server: it records, then drops
            "-Delastic.apm.central_config=false",
            "-Delastic.apm.cloud_provider=none",
            "-Delastic.apm.metrics_interval=0s",
            "-Delastic.apm.application_packages=com.acme.returns",
            "-Delastic.apm.trace_methods=" + ELASTIC_METHODS,
            "-Delastic.apm.log_level=INFO",
            "-Delastic.apm.log_file=" + log);
    runBeside(agent, first);

    // the Elastic agent instrumented the same driver and methods (it says so at exit)
    String elastic = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    Matcher groups = Pattern.compile("Used instrumentation groups: \\[([^]]*)]").matcher(elastic);
    assertTrue(groups.find(), elastic);
    List<String> used = List.of(groups.group(1).split(",\\s*"));
    assertTrue(used.contains("jdbc") && used.contains("method-matching"), "instrumented: " + used);
  }

  /** Runs the test-app with {@code other} before or after perf-agent and checks perf-agent's part. */
  private AppRun runBeside(List<String> other, boolean otherFirst) throws IOException, InterruptedException {
    AppRun run =
        AppRun.run(
            AppRun.defaultJava(), work,
            otherFirst ? other : List.of(), "config=" + AppRun.appConfig(), otherFirst ? List.of() : other,
            Map.of(), "--conversations", "2");
    assertEquals(0, run.exitCode, run.toString());

    List<ReceivedSpan> spans = JsonLinesSpans.read(work.resolve("perf-agent-traces.jsonl"));
    new SpanTree(spans).assertIsTreeOf(run.counters());
    assertEquals("returns-assistant", spans.get(0).resource.get("service.name"),
        "perf-agent's own service name, not the other agent's");
    Matcher m = SUMMARY.matcher(run.stderr);
    assertTrue(m.find(), run.stderr);
    assertEquals(spans.size(), Long.parseLong(m.group(1)), "recorded");
    assertEquals(spans.size(), Long.parseLong(m.group(2)), "exported");
    assertEquals(0, Long.parseLong(m.group(3)), "dropped");

    List<String> complaints =
        run.stderr.lines()
            .filter(l -> l.startsWith("[WARN] perf-agent") || l.startsWith("[ERROR] perf-agent")
                || l.contains("could not weave"))
            .collect(Collectors.toList());
    assertEquals(List.of(), complaints, "perf-agent has nothing to warn about:\n" + run.stderr);
    return run;
  }
}
