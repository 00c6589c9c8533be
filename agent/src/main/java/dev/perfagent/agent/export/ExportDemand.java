package dev.perfagent.agent.export;

import dev.perfagent.bootstrap.ConnectionPools;
import dev.perfagent.bootstrap.RecorderState;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * Whether there is anything for the OpenTelemetry SDK to export yet. The SDK (about 650 classes, the
 * exporters, their threads and files) starts only once there is: a span written to the recorder's
 * buffer, an aggregate-mode call (its duration histogram), a connection pool that started (its
 * gauges). The agent's own health metrics do not count: before anything is recorded they would all
 * say zero, and they are exported from the SDK's start on. A Prometheus endpoint is the exception:
 * whoever configured one expects it to answer from the start, so the SDK starts at once.
 */
public final class ExportDemand {
  static final String METRICS_EXPORTER = "otel.metrics.exporter";

  private final RecorderState recorder;
  private final BooleanSupplier poolStarted;

  /** @param poolStarted whether a connection pool has started ({@link ConnectionPools#any}) */
  ExportDemand(RecorderState recorder, BooleanSupplier poolStarted) {
    this.recorder = recorder;
    this.poolStarted = poolStarted;
  }

  /**
   * Whether the SDK starts with the agent rather than with the first thing to export: when a
   * Prometheus endpoint is configured ({@link #eager}). Asked at start, where loading the exporter's
   * classes would cost an application that never records anything.
   */
  public static boolean eagerSdk() {
    return eager(System.getenv(), System.getProperties());
  }

  /** The exit line of a run in which the SDK never started. */
  public static void logNothingExported(Logger log) {
    log.info("perf-agent: 0 spans recorded, nothing to export: the OpenTelemetry SDK was not started");
  }

  /**
   * Whether the SDK starts with the agent: when the metric exporters, as the SDK's autoconfigure
   * reads them (the system property before the environment variable), name {@code prometheus}.
   */
  static boolean eager(Map<String, String> environment, Properties properties) {
    String exporters = properties.getProperty(METRICS_EXPORTER, environment.get("OTEL_METRICS_EXPORTER"));
    if (exporters == null) {
      return false;
    }
    for (String exporter : exporters.split(",", -1)) {
      if (exporter.trim().equals("prometheus")) {
        return true;
      }
    }
    return false;
  }

  /** What there is to export, for the log; empty while there is nothing. */
  Optional<String> due() {
    if (recorder.ring().written() > 0) {
      return Optional.of("a span was recorded");
    }
    if (recorder.histograms().recorded()) {
      return Optional.of("an aggregate-mode call was recorded");
    }
    if (poolStarted.getAsBoolean()) {
      return Optional.of("a connection pool started");
    }
    return Optional.empty();
  }
}
