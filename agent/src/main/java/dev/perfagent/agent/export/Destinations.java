package dev.perfagent.agent.export;

import dev.perfagent.config.Secrets;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Paths;

/**
 * Names where an exporter sends its spans or metrics, for the log and the exit summary. The SDK
 * hands its exporters over without the names they were configured by, so the name comes from the
 * exporter's class and the settings it was built from. A URL's user-info is masked.
 */
final class Destinations {
  private Destinations() {}

  static String of(SpanExporter exporter, ConfigProperties properties) {
    return of(exporter, "Span", "traces", FileSpanExporterProvider.FILE_PROPERTY, properties);
  }

  static String of(MetricExporter exporter, ConfigProperties properties) {
    return of(exporter, "Metric", "metrics", FileMetricExporterProvider.FILE_PROPERTY, properties);
  }

  /**
   * A metric reader that is scraped rather than pushing to an exporter: the Prometheus endpoint (its
   * host and port as the SDK's Prometheus exporter reads them).
   */
  static String scraped(MetricReader reader, ConfigProperties properties) {
    if (reader.getClass().getSimpleName().equals("PrometheusHttpServer")) {
      return "Prometheus http://" + properties.getString("otel.exporter.prometheus.host", "0.0.0.0") + ":"
          + properties.getInt("otel.exporter.prometheus.port", 9464) + "/metrics";
    }
    return reader.getClass().getSimpleName();
  }

  /**
   * @param signalInName how the exporter classes name the signal ({@code OtlpHttpSpanExporter})
   * @param signal how the settings name it ({@code otel.exporter.otlp.traces.endpoint})
   */
  private static String of(
      Object exporter, String signalInName, String signal, String fileProperty, ConfigProperties properties) {
    String name = exporter.getClass().getSimpleName();
    switch (name.replace(signalInName, "")) {
      case "OtlpHttpExporter":
        return otlp(properties, signal, "http/protobuf");
      case "OtlpGrpcExporter":
        return otlp(properties, signal, "grpc");
      case "LoggingExporter":
        return "console";
      case "OtlpJsonLoggingExporter":
        return "logging-otlp";
      case "JsonLinesExporter": // the embedded traces file
        return "file " + Paths.get(properties.getString(fileProperty)).toAbsolutePath();
      case "OtlpStdoutExporter":
        // the embedded metrics file and experimental-otlp/stdout share this class; only the latter's
        // description names stdout
        return exporter.toString().contains("stdout")
            ? "stdout (OTLP JSON)"
            : "file " + Paths.get(properties.getString(fileProperty)).toAbsolutePath();
      default:
        return name;
    }
  }

  private static String otlp(ConfigProperties properties, String signal, String protocol) {
    String endpoint =
        properties.getString(
            "otel.exporter.otlp." + signal + ".endpoint",
            properties.getString(
                "otel.exporter.otlp.endpoint",
                protocol.equals("grpc") ? "http://localhost:4317" : "http://localhost:4318"));
    return "OTLP " + Secrets.url(endpoint) + " (" + protocol + ")";
  }
}
