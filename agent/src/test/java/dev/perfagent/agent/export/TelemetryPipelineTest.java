package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.config.ConfigLoader;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryPipelineTest {
  private static Map<String, String> defaults(String yaml) throws Exception {
    return TelemetryPipeline.defaults(ConfigLoader.parse(yaml, "t.yaml"));
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
    assertEquals("100000", d.get("otel.bsp.max.queue.size"));
    assertEquals("none", d.get("otel.logs.exporter"));
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
  }
}
