package dev.perfagent.agent.export;

import dev.perfagent.config.Secrets;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Paths;

/**
 * Names where a span exporter sends its spans, for the log and the exit summary. The SDK hands its
 * exporters over without the names they were configured by, so the name comes from the exporter's
 * class and the settings it was built from. A URL's user-info is masked.
 */
final class Destinations {
  private Destinations() {}

  static String of(SpanExporter exporter, ConfigProperties properties) {
    switch (exporter.getClass().getSimpleName()) {
      case "OtlpHttpSpanExporter":
        return otlp(properties, "http/protobuf");
      case "OtlpGrpcSpanExporter":
        return otlp(properties, "grpc");
      case "LoggingSpanExporter":
        return "console";
      case "OtlpJsonLoggingSpanExporter":
        return "logging-otlp";
      case "OtlpStdoutSpanExporter":
        // the embedded file and experimental-otlp/stdout share this class; only the latter's
        // description names stdout
        return exporter.toString().contains("stdout")
            ? "stdout (OTLP JSON)"
            : "file " + Paths.get(properties.getString(FileSpanExporterProvider.FILE_PROPERTY)).toAbsolutePath();
      default:
        return exporter.getClass().getSimpleName();
    }
  }

  private static String otlp(ConfigProperties properties, String protocol) {
    String endpoint =
        properties.getString(
            "otel.exporter.otlp.traces.endpoint",
            properties.getString(
                "otel.exporter.otlp.endpoint",
                protocol.equals("grpc") ? "http://localhost:4317" : "http://localhost:4318"));
    return "OTLP " + Secrets.url(endpoint) + " (" + protocol + ")";
  }
}
