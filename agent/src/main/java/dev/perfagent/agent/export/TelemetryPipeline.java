package dev.perfagent.agent.export;

import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ExportSettings;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The OpenTelemetry SDK as the standard settings configure it ({@code OTEL_*} environment
 * variables, {@code otel.*} system properties, through the SDK's autoconfigure). Values from the
 * YAML {@code export} section apply only where no standard setting is given. With no endpoint at
 * all, spans and metrics go to local OTLP JSON-lines files.
 */
final class TelemetryPipeline {
  private final OpenTelemetrySdk sdk;
  private final SpanProcessor processor;
  private final Resource resource;
  private final String destination;
  private final LongAdder exported;
  private final LongAdder failed;

  private TelemetryPipeline(
      OpenTelemetrySdk sdk, SpanProcessor processor, Resource resource, String destination,
      LongAdder exported, LongAdder failed) {
    this.sdk = sdk;
    this.processor = processor;
    this.resource = resource;
    this.destination = destination;
    this.exported = exported;
    this.failed = failed;
  }

  static TelemetryPipeline start(
      AgentConfig config, Consumer<String> problems, MetricProducer... producers) {
    LongAdder exported = new LongAdder();
    LongAdder failed = new LongAdder();
    AtomicReference<SpanProcessor> processor = new AtomicReference<>();
    AtomicReference<CountingSpanExporter> counting = new AtomicReference<>();
    AtomicReference<Resource> resource = new AtomicReference<>(Resource.getDefault());
    AtomicReference<String> destination = new AtomicReference<>("nowhere");
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> defaults(config))
            .addPropertiesCustomizer(
                properties -> {
                  Map<String, String> overrides = embeddedDefault(properties);
                  destination.set(describe(properties, overrides));
                  return overrides;
                })
            .addResourceCustomizer(
                (r, properties) -> {
                  resource.set(r);
                  return r;
                })
            .addSpanExporterCustomizer(
                (exporter, properties) -> {
                  counting.set(new CountingSpanExporter(exporter, exported, failed, problems));
                  return counting.get();
                })
            .addSpanProcessorCustomizer(
                (p, properties) -> {
                  processor.set(p);
                  return p;
                })
            .addMeterProviderCustomizer(
                (meters, properties) -> {
                  for (MetricProducer producer : producers) {
                    meters.registerMetricProducer(producer);
                  }
                  return meters;
                })
            .setServiceClassLoader(TelemetryPipeline.class.getClassLoader())
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    TelemetryPipeline pipeline =
        new TelemetryPipeline(sdk, processor.get(), resource.get(), destination.get(), exported, failed);
    if (counting.get() != null && pipeline.destination().startsWith("OTLP")) {
      counting.get().warmUp();
    }
    return pipeline;
  }

  /** The YAML's export section as lowest-priority defaults for the standard settings. */
  static Map<String, String> defaults(AgentConfig config) {
    ExportSettings export = config.export();
    Map<String, String> p = new HashMap<>();
    config.service().ifPresent(s -> p.put("otel.service.name", s));
    export.endpoint().ifPresent(e -> p.put("otel.exporter.otlp.endpoint", e));
    // http/protobuf unless told otherwise, as the OTLP specification recommends (the SDK's own
    // autoconfigure default is still grpc)
    p.put("otel.exporter.otlp.protocol", export.protocol().orElse("http/protobuf"));
    if (!export.headers().isEmpty()) {
      p.put(
          "otel.exporter.otlp.headers",
          export.headers().entrySet().stream()
              .map(h -> h.getKey() + "=" + h.getValue())
              .collect(Collectors.joining(",")));
    }
    p.put(FileSpanExporterProvider.FILE_PROPERTY, export.file());
    p.put(FileMetricExporterProvider.FILE_PROPERTY, export.metricsFile());
    p.put("otel.logs.exporter", "none");
    p.put("otel.bsp.max.queue.size", String.valueOf(Math.max(2048, export.bufferSize())));
    p.put("otel.bsp.max.export.batch.size", "1024");
    p.put("otel.bsp.schedule.delay", "1000");
    p.put("otel.metric.export.interval", "10000");
    return p;
  }

  /** With no endpoint and no exporter chosen anywhere, the local files are the exporters. */
  static Map<String, String> embeddedDefault(ConfigProperties properties) {
    Map<String, String> overrides = new HashMap<>();
    boolean endpoint =
        properties.getString("otel.exporter.otlp.endpoint") != null
            || properties.getString("otel.exporter.otlp.traces.endpoint") != null;
    if (!endpoint && properties.getString("otel.traces.exporter") == null) {
      overrides.put("otel.traces.exporter", FileSpanExporterProvider.NAME);
      if (properties.getString("otel.metrics.exporter") == null) {
        overrides.put("otel.metrics.exporter", FileSpanExporterProvider.NAME);
      }
    }
    return overrides;
  }

  private static String describe(ConfigProperties properties, Map<String, String> overrides) {
    String exporter =
        overrides.getOrDefault("otel.traces.exporter", properties.getString("otel.traces.exporter", "otlp"));
    if (exporter.equals(FileSpanExporterProvider.NAME)) {
      return "file " + Paths.get(properties.getString(FileSpanExporterProvider.FILE_PROPERTY)).toAbsolutePath();
    }
    if (!exporter.equals("otlp")) {
      return exporter;
    }
    String protocol =
        properties.getString(
            "otel.exporter.otlp.traces.protocol",
            properties.getString("otel.exporter.otlp.protocol", "http/protobuf"));
    String endpoint =
        properties.getString(
            "otel.exporter.otlp.traces.endpoint",
            properties.getString(
                "otel.exporter.otlp.endpoint",
                protocol.equals("grpc") ? "http://localhost:4317" : "http://localhost:4318"));
    return "OTLP " + endpoint + " (" + protocol + ")";
  }

  /** Null when the configuration exports no traces ({@code otel.traces.exporter=none}). */
  SpanProcessor processor() {
    return processor;
  }

  Resource resource() {
    return resource;
  }

  String destination() {
    return destination;
  }

  long exported() {
    return exported.sum();
  }

  long failed() {
    return failed.sum();
  }

  OpenTelemetrySdk sdk() {
    return sdk;
  }

  /**
   * Flushes and stops the SDK, waiting at most {@code millis}. The SDK's shutdown can itself block
   * (an exporter retrying an unreachable backend), so it runs on a daemon thread of its own.
   */
  boolean shutdown(long millis) {
    CompletableResultCode done = new CompletableResultCode();
    Thread flush =
        new Thread(
            () -> {
              CompletableResultCode result = sdk.shutdown();
              result.whenComplete(
                  () -> {
                    if (result.isSuccess()) {
                      done.succeed();
                    } else {
                      done.fail();
                    }
                  });
            },
            "perf-agent-flush");
    flush.setDaemon(true);
    flush.start();
    return done.join(millis, TimeUnit.MILLISECONDS).isSuccess();
  }
}
