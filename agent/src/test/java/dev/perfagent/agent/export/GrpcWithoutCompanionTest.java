package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrpcWithoutCompanionTest {
  private static final Path MISSING = Paths.get("/opt/app/perf-agent-grpc.jar");
  /** Sees no gRPC sender: the platform class loader does not see the class path's service files. */
  private final GrpcCompanion missing = new GrpcCompanion(ClassLoader.getPlatformClassLoader(), Optional.of(MISSING));
  private final List<String> problems = new ArrayList<>();

  @Test
  void grpcForEverySignalWithoutTheJarExportsNoOtlpAndSaysWhichFileOnce() {
    Map<String, String> overrides = refuse(Map.of("otel.exporter.otlp.protocol", "grpc", "otel.logs.exporter", "none"));
    assertEquals(Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "none"), overrides);
    assertEquals(
        List.of("OTLP over gRPC needs " + MISSING + ", which is not there: traces and metrics are not exported over "
            + "OTLP. Put perf-agent-grpc.jar beside perf-agent.jar, or use OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf "
            + "(port 4318)"),
        problems);
  }

  @Test
  void theOtherExportersOfASignalStay() {
    Map<String, String> overrides =
        refuse(Map.of("otel.exporter.otlp.protocol", "grpc", "otel.traces.exporter", "console,otlp",
            "otel.metrics.exporter", "prometheus", "otel.logs.exporter", "none"));
    assertEquals(Map.of("otel.traces.exporter", "console"), overrides);
    assertTrue(problems.get(0).contains(": traces are not exported over OTLP"), problems.toString());
  }

  @Test
  void aSignalsOwnProtocolWinsOverTheGeneralOne() {
    Map<String, String> overrides =
        refuse(Map.of("otel.exporter.otlp.protocol", "http/protobuf", "otel.exporter.otlp.metrics.protocol", "grpc",
            "otel.logs.exporter", "none"));
    assertEquals(Map.of("otel.metrics.exporter", "none"), overrides);
    assertEquals(1, problems.size());
  }

  @Test
  void httpProtobufNeedsNoCompanion() {
    assertEquals(Map.of(), refuse(Map.of("otel.exporter.otlp.protocol", "http/protobuf", "otel.logs.exporter", "none")));
    assertEquals(List.of(), problems);
  }

  @Test
  void grpcWithASenderInSightChangesNothing() {
    GrpcCompanion withSender = new GrpcCompanion(getClass().getClassLoader(), Optional.of(MISSING));
    Map<String, String> overrides =
        GrpcWithoutCompanion.refuse(
            DefaultConfigProperties.createFromMap(Map.of("otel.exporter.otlp.protocol", "grpc")), withSender,
            problems::add);
    assertEquals(Map.of(), overrides);
    assertEquals(List.of(), problems);
  }

  private Map<String, String> refuse(Map<String, String> properties) {
    return GrpcWithoutCompanion.refuse(DefaultConfigProperties.createFromMap(properties), missing, problems::add);
  }
}
