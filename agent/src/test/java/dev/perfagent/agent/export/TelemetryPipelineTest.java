package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.config.ConfigLoader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryPipelineTest {
  private final List<String> problems = new ArrayList<>();

  private static Map<String, String> defaults(String yaml) throws Exception {
    return TelemetryPipeline.defaults(ConfigLoader.parse(yaml, "t.yaml"), 131072);
  }

  @Test
  void theYamlExportSectionBecomesLowestPriorityDefaults() throws Exception {
    Map<String, String> d =
        defaults(
            "service: svc\nexport:\n  endpoint: http://collector:4317\n  protocol: grpc\n"
                + "  headers:\n    api-key: k1\n    tenant: t\n  buffer-size: 100000\npointcuts: []\n");
    assertEquals("svc", d.get("otel.service.name"));
    assertEquals("http://collector:4317", d.get("otel.exporter.otlp.endpoint"));
    assertEquals("grpc", d.get("otel.exporter.otlp.protocol"));
    assertEquals("api-key=k1,tenant=t", d.get("otel.exporter.otlp.headers"));
    assertEquals("131072", d.get("otel.bsp.max.queue.size"), "the SDK's queue matches the recorder's buffer");
    assertEquals("4096", d.get("otel.bsp.max.export.batch.size"));
    assertEquals("none", d.get("otel.logs.exporter"));
  }

  @Test
  void anExportRequestIsNeverLargerThanTheQueue() throws Exception {
    Map<String, String> d = TelemetryPipeline.defaults(ConfigLoader.parse("pointcuts: []\n", "t.yaml"), 16);
    assertEquals(List.of("2048", "2048"), List.of(d.get("otel.bsp.max.queue.size"), d.get("otel.bsp.max.export.batch.size")));
  }

  @Test
  void theDefaultProtocolIsHttpProtobuf() throws Exception {
    assertEquals("http/protobuf", defaults("pointcuts: []\n").get("otel.exporter.otlp.protocol"));
  }

  @Test
  void withoutAnyEndpointTheLocalFilesAreTheExporters() throws Exception {
    Map<String, String> overrides =
        TelemetryPipeline.embeddedDefault(DefaultConfigProperties.createFromMap(defaults("pointcuts: []\n")));
    assertEquals(FileSpanExporterProvider.NAME, overrides.get("otel.traces.exporter"));
    assertEquals(FileSpanExporterProvider.NAME, overrides.get("otel.metrics.exporter"));
  }

  @Test
  void anEndpointFromAnywhereOrAChosenExporterKeepsTheStandardPipeline() throws Exception {
    Map<String, String> fromYaml = defaults("export:\n  endpoint: http://localhost:4318\npointcuts: []\n");
    assertTrue(TelemetryPipeline.embeddedDefault(DefaultConfigProperties.createFromMap(fromYaml)).isEmpty());

    Map<String, String> fromEnvironment = new HashMap<>(defaults("pointcuts: []\n"));
    fromEnvironment.put("otel.exporter.otlp.traces.endpoint", "http://localhost:4318/v1/traces");
    assertTrue(TelemetryPipeline.embeddedDefault(DefaultConfigProperties.createFromMap(fromEnvironment)).isEmpty());

    Map<String, String> chosen = new HashMap<>(defaults("pointcuts: []\n"));
    chosen.put("otel.traces.exporter", "console");
    Map<String, String> overrides = TelemetryPipeline.embeddedDefault(DefaultConfigProperties.createFromMap(chosen));
    assertFalse(overrides.containsKey("otel.traces.exporter"));
    assertEquals(FileSpanExporterProvider.NAME, overrides.get("otel.metrics.exporter"),
        "without an endpoint, metrics no exporter was chosen for still go to the local file");
  }

  @Test
  void everyConfiguredExporterIsUsedAndCountedApart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("traces.jsonl");
    TelemetryPipeline p =
        start(Map.of("otel.traces.exporter", "console,perf-agent-file", FileSpanExporterProvider.FILE_PROPERTY,
            file.toString()));
    try {
      assertEquals(
          Set.of("console", "file " + file.toAbsolutePath()),
          p.exporters().stream().map(CountingSpanExporter::destination).collect(Collectors.toSet()));
      for (int i = 0; i < 3; i++) {
        p.processor().onEnd(TestSpans.span(Attributes.empty()));
      }
    } finally {
      assertTrue(p.shutdown(5_000));
    }
    for (CountingSpanExporter exporter : p.exporters()) {
      assertEquals(3, exporter.exported(), exporter.destination());
      assertEquals(0, exporter.failed(), exporter.destination());
    }
    assertTrue(Files.readString(file).contains("b7ad6b7169203331"), "the file exporter wrote the spans");
  }

  @Test
  void anExportFileThatIsADirectoryStopsTheStartWithAMessageThatSaysSo(@TempDir Path dir) {
    Exception e =
        assertThrows(
            Exception.class,
            () -> start(Map.of("otel.traces.exporter", "perf-agent-file", FileSpanExporterProvider.FILE_PROPERTY,
                dir.toString())));
    String message = Causes.chain(e);
    assertTrue(
        message.contains("export.file names a directory, " + dir.toAbsolutePath() + "; name a file"), message);
  }

  @Test
  void noTraceExporterMeansNoProcessor() throws Exception {
    TelemetryPipeline p = start(Map.of("otel.traces.exporter", "none"));
    try {
      assertNull(p.processor());
      assertTrue(p.exporters().isEmpty());
      assertEquals("none", p.destination());
    } finally {
      p.shutdown(5_000);
    }
  }

  @Test
  void theConfiguredSamplerDecides() throws Exception {
    TelemetryPipeline off = start(Map.of("otel.traces.sampler", "always_off"));
    TelemetryPipeline half =
        start(Map.of("otel.traces.sampler", "parentbased_traceidratio", "otel.traces.sampler.arg", "0.5"));
    try {
      TraceSampling ratio = TraceSampling.of(Sampler.traceIdRatioBased(0.5), problems::add);
      SplittableRandom random = new SplittableRandom(1);
      for (int i = 0; i < 200; i++) {
        String traceId = TraceId.fromLongs(random.nextLong(), random.nextLong());
        assertFalse(off.sampling().sampled(traceId));
        assertEquals(ratio.sampled(traceId), half.sampling().sampled(traceId));
      }
    } finally {
      off.shutdown(5_000);
      half.shutdown(5_000);
    }
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void anUnsupportedSamplerIsRefusedWithOneWarningAndTheSdkStillStarts() throws Exception {
    TelemetryPipeline p = start(Map.of("otel.traces.sampler", "jaeger_remote"));
    try {
      assertTrue(p.sampling().sampled(TraceId.fromLongs(1, 1)), "parentbased_always_on keeps everything");
      assertEquals(1, problems.size(), problems.toString());
      assertTrue(problems.get(0).startsWith("otel.traces.sampler=jaeger_remote (OTEL_TRACES_SAMPLER)"), problems.get(0));
    } finally {
      p.shutdown(5_000);
    }
  }

  @Test
  void theConfiguredSpanLimitsApply() throws Exception {
    TelemetryPipeline p =
        start(Map.of("otel.span.attribute.count.limit", "1", "otel.attribute.value.length.limit", "3"));
    try {
      Attributes limited = p.limits().attributes(Attributes.of(AttributeKey.stringKey("a"), "abcdef",
          AttributeKey.stringKey("b"), "b"));
      assertEquals(Attributes.of(AttributeKey.stringKey("a"), "abc"), limited);
    } finally {
      p.shutdown(5_000);
    }
  }

  @Test
  void everyStartIsARunOfItsOwnUnlessTheUserNamedTheInstance() throws Exception {
    TelemetryPipeline first = start(Map.of());
    TelemetryPipeline second = start(Map.of());
    TelemetryPipeline named = start(Map.of("otel.resource.attributes", "service.instance.id=blue-7"));
    try {
      String id = first.resource().getAttribute(RunIdentity.INSTANCE_ID);
      assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
      assertNotEquals(id, second.resource().getAttribute(RunIdentity.INSTANCE_ID));
      assertEquals("blue-7", named.resource().getAttribute(RunIdentity.INSTANCE_ID));
      Instant started = Instant.parse(first.resource().getAttribute(RunIdentity.CREATION_TIME));
      assertFalse(started.isAfter(Instant.now()), started.toString());
      assertEquals(ProcessHandle.current().info().startInstant().orElseThrow(), started, "when this JVM started");
      assertEquals(first.resource().getAttribute(RunIdentity.CREATION_TIME),
          named.resource().getAttribute(RunIdentity.CREATION_TIME));
    } finally {
      first.shutdown(5_000);
      second.shutdown(5_000);
      named.shutdown(5_000);
    }
  }

  @Test
  void aConfiguredCreationTimeWinsToo() {
    Resource configured = Resource.create(Attributes.of(RunIdentity.CREATION_TIME, "2026-01-01T00:00:00Z",
        AttributeKey.stringKey("service.name"), "svc"));
    Resource identified = RunIdentity.addTo(configured, "id-1", Instant.EPOCH);
    assertEquals("2026-01-01T00:00:00Z", identified.getAttribute(RunIdentity.CREATION_TIME));
    assertEquals("id-1", identified.getAttribute(RunIdentity.INSTANCE_ID));
    assertEquals("svc", identified.getAttribute(AttributeKey.stringKey("service.name")));
  }

  @Test
  void prometheusIsScrapedBesideTheLocalFileAndCountsAsExportingMetrics(@TempDir Path dir) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    TelemetryPipeline p =
        start(Map.of("otel.metrics.exporter", "prometheus,perf-agent-file", "otel.exporter.prometheus.host", "127.0.0.1",
            "otel.exporter.prometheus.port", String.valueOf(port),
            FileMetricExporterProvider.FILE_PROPERTY, dir.resolve("m.jsonl").toString()));
    try {
      assertTrue(p.exportsMetrics());
      assertEquals(List.of("Prometheus http://127.0.0.1:" + port + "/metrics"), p.scrapedAt());
      assertEquals(1, p.metricExporters().size(), "the file exporter is still there");
      p.sdk().getMeter("t").counterBuilder("t.calls").build().add(3);
      HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
      assertEquals(200, c.getResponseCode());
      try (InputStream in = c.getInputStream()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("t_calls_total{otel_scope_name=\"t\"} 3.0"), text);
      }
    } finally {
      p.shutdown(5_000);
    }
  }

  @Test
  void aPrometheusPortInUseCostsThePrometheusEndpointOnlyWithOneMessage(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());
      TelemetryPipeline p =
          start(Map.of("otel.metrics.exporter", "prometheus,perf-agent-file", "otel.exporter.prometheus.host", "127.0.0.1",
              "otel.exporter.prometheus.port", port, "otel.traces.exporter", "perf-agent-file",
              FileSpanExporterProvider.FILE_PROPERTY, dir.resolve("t.jsonl").toString(),
              FileMetricExporterProvider.FILE_PROPERTY, dir.resolve("m.jsonl").toString()));
      try {
        assertEquals(List.of("Prometheus port 127.0.0.1:" + port + " is in use (another process, or another JVM with the"
            + " same settings): metrics are not served for Prometheus, spans and the other exporters go on; give each"
            + " JVM its own OTEL_EXPORTER_PROMETHEUS_PORT"), problems);
        assertEquals(List.of(), p.scrapedAt());
        assertEquals(1, p.metricExporters().size(), "the file");
        assertEquals(1, p.exporters().size(), "spans as configured");
      } finally {
        p.shutdown(5_000);
      }
      problems.clear();
      TelemetryPipeline alone =
          start(Map.of("otel.metrics.exporter", "prometheus", "otel.exporter.prometheus.host", "127.0.0.1",
              "otel.exporter.prometheus.port", port));
      assertFalse(alone.exportsMetrics());
      assertEquals(1, problems.size(), problems.toString());
    }
  }

  @Test
  void noMetricExporterAtAllMeansNoMetrics() throws Exception {
    TelemetryPipeline p = start(Map.of());
    assertFalse(p.exportsMetrics());
    assertEquals(List.of(), p.scrapedAt());
  }

  /** A pipeline with {@code settings} over everything else, exporting nowhere unless they say so. */
  private TelemetryPipeline start(Map<String, String> settings) throws Exception {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("otel.traces.exporter", "none");
    overrides.put("otel.metrics.exporter", "none");
    overrides.putAll(settings);
    return TelemetryPipeline.start(ConfigLoader.parse("pointcuts: []\n", "t.yaml"), 8192, overrides, problems::add);
  }
}
