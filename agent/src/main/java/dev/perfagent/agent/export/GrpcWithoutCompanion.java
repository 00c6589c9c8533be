package dev.perfagent.agent.export;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OTLP over gRPC asked for without {@value GrpcCompanion#FILE}: the signals that would use it are
 * not exported over OTLP (the SDK itself would fail to start, exporting nothing), with one message
 * naming the file looked for and the alternative; every other exporter stays.
 */
final class GrpcWithoutCompanion {
  private static final List<String> SIGNALS = List.of("traces", "metrics", "logs");

  private GrpcWithoutCompanion() {}

  /** The overrides that take {@code otlp} out of each signal that would send it over gRPC; empty when none would. */
  static Map<String, String> refuse(
      ConfigProperties properties, GrpcCompanion companion, Consumer<String> problems) {
    Map<String, String> overrides = new HashMap<>();
    List<String> refused = new ArrayList<>();
    for (String signal : SIGNALS) {
      String exporterProperty = "otel." + signal + ".exporter";
      List<String> exporters = new ArrayList<>(properties.getList(exporterProperty, List.of("otlp")));
      if (exporters.contains("otlp") && "grpc".equals(protocol(properties, signal))) {
        exporters.remove("otlp");
        overrides.put(exporterProperty, exporters.isEmpty() ? "none" : String.join(",", exporters));
        refused.add(signal);
      }
    }
    if (refused.isEmpty() || companion.sendsGrpc()) {
      return new HashMap<>();
    }
    problems.accept(
        "OTLP over gRPC needs " + companion.expectedAt() + ", which is not there: " + String.join(" and ", refused)
            + " are not exported over OTLP. Put " + GrpcCompanion.FILE + " beside perf-agent.jar, or use "
            + "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (port 4318)");
    return overrides;
  }

  /** As the SDK reads it: the signal's own setting, else the general one. */
  private static String protocol(ConfigProperties properties, String signal) {
    return properties.getString(
        "otel.exporter.otlp." + signal + ".protocol", properties.getString("otel.exporter.otlp.protocol", "grpc"));
  }
}
