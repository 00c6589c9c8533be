package dev.perfagent.agent.export;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Prometheus port that is taken (another process, or a second JVM started with the same settings)
 * fails the SDK's whole start; only the Prometheus endpoint should be lost. This says which metric
 * exporters remain for a second start, and the message that says why.
 */
final class PrometheusPortInUse {
  static final String EXPORTERS = "otel.metrics.exporter";
  private static final String PROMETHEUS = "prometheus";
  private static final int MAX_DEPTH = 8;

  private PrometheusPortInUse() {}

  /**
   * The metric exporters to start with instead ({@code none} when Prometheus was the only one), if
   * {@code failure} is a port in use and {@code settings} (what the failed start read) chose Prometheus.
   */
  static Optional<String> remainingExporters(Throwable failure, ConfigProperties settings) {
    if (settings == null || !portInUse(failure)) {
      return Optional.empty();
    }
    List<String> exporters = new ArrayList<>(settings.getList(EXPORTERS));
    if (!exporters.remove(PROMETHEUS)) {
      return Optional.empty();
    }
    return Optional.of(exporters.isEmpty() ? "none" : String.join(",", exporters));
  }

  static String message(ConfigProperties settings) {
    return "Prometheus port " + settings.getString("otel.exporter.prometheus.host", "0.0.0.0") + ":"
        + settings.getInt("otel.exporter.prometheus.port", 9464) + " is in use (another process, or another JVM"
        + " with the same settings): metrics are not served for Prometheus, spans and the other exporters go on;"
        + " give each JVM its own OTEL_EXPORTER_PROMETHEUS_PORT";
  }

  private static boolean portInUse(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
      if (t instanceof BindException) {
        return true;
      }
      t = t.getCause();
    }
    return false;
  }
}
