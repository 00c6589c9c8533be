package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export failures are reported for metrics as for spans, and the exit summary accounts for both. */
class ExportFailuresEndToEndIT {
  private static final Pattern SUMMARY =
      Pattern.compile("perf-agent: (\\d+) spans recorded, (\\d+) exported, (\\d+) dropped \\(([^)]*)\\) -> (.*)");
  private static final Pattern METRICS_FAILED = Pattern.compile("; metrics: (\\d+) of (\\d+) exports failed \\((.*)\\)$");

  @TempDir Path work;

  @Test
  void aBackendWithoutAMetricsEndpointGetsEverySpanAndTheMetricsFailureIsReported() throws Exception {
    try (OtlpReceiver receiver = HttpOtlpReceiver.withoutMetricsEndpoint()) {
      AppRun run =
          AppRun.run(
              AppRun.defaultJava(), work, "config=" + AppRun.appConfig(),
              Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()), "--conversations", "2");
      assertEquals(0, run.exitCode, run.toString());
      String destination = "OTLP " + receiver.endpoint() + " (http/protobuf)";

      List<String> warnings =
          run.stderr.lines().filter(l -> l.contains("metrics export failed")).collect(Collectors.toList());
      assertEquals(1, warnings.size(), "the first failure is reported, once:\n" + run.stderr);
      assertTrue(warnings.get(0).startsWith("[WARN] perf-agent: metrics export failed: "), warnings.get(0));
      assertTrue(warnings.get(0).contains("404"), "with its cause: " + warnings.get(0));
      assertTrue(warnings.get(0).endsWith("(" + destination + ")"), warnings.get(0));
      assertFalse(run.stderr.contains("spans are being dropped"), "no span was:\n" + run.stderr);

      Matcher m = SUMMARY.matcher(run.stderr);
      assertTrue(m.find(), run.stderr);
      int received = receiver.spans().size();
      assertTrue(received > 0, run.toString());
      assertEquals(List.of((long) received, (long) received, 0L),
          List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))), m.group());
      Matcher metrics = METRICS_FAILED.matcher(m.group(5));
      assertTrue(metrics.find(), "the summary names the metrics failures: " + m.group());
      assertEquals(metrics.group(1), metrics.group(2), "every metrics export failed: " + m.group());
      assertEquals(receiver.metricRequests(), Integer.parseInt(metrics.group(2)), "one per request: " + m.group());
      assertEquals(destination, metrics.group(3));
    }
  }
}
