package dev.perfagent.agent.export;

import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ExportSettings;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The OpenTelemetry SDK as the standard settings configure it ({@code OTEL_*} environment
 * variables, {@code otel.*} system properties, through the SDK's autoconfigure). Values from the
 * YAML {@code export} section apply only where no standard setting is given. With no endpoint at
 * all, spans and metrics go to local OTLP JSON-lines files. Every configured span processor and
 * exporter is used; the sampler and span limits it builds are applied to the agent's spans here, as
 * the SDK's own tracer would apply them.
 */
final class TelemetryPipeline {
  /** The SDK's own default for {@code otel.bsp.max.queue.size}. */
  private static final int DEFAULT_QUEUE_SIZE = 2048;
  private static final int EXPORT_BATCH = 4096;
  private final OpenTelemetrySdk sdk;
  private final SpanProcessor processor;
  private final List<CountingSpanExporter> exporters;
  private final List<CountingMetricExporter> metricExporters;
  private final List<String> scrapedReaders;
  private final Resource resource;
  private final TraceSampling sampling;
  private final SpanLimiter limits;
  private int batchQueueSize = DEFAULT_QUEUE_SIZE;

  private TelemetryPipeline(
      OpenTelemetrySdk sdk, List<SpanProcessor> processors, List<CountingSpanExporter> exporters,
      List<CountingMetricExporter> metricExporters, List<String> scrapedReaders, Resource resource,
      Consumer<String> problems) {
    this.sdk = sdk;
    this.processor = processors.isEmpty() ? null : SpanProcessor.composite(processors);
    this.exporters = Collections.unmodifiableList(exporters);
    this.metricExporters = Collections.unmodifiableList(metricExporters);
    this.scrapedReaders = Collections.unmodifiableList(scrapedReaders);
    this.resource = resource;
    this.sampling = TraceSampling.of(sdk.getSdkTracerProvider().getSampler(), problems);
    this.limits = new SpanLimiter(sdk.getSdkTracerProvider().getSpanLimits());
  }

  /**
   * {@code bufferSlots} is the recorder's buffer, which the SDK's batch queue matches;
   * {@code problems} takes each message meant for the user, once.
   */
  static TelemetryPipeline start(
      AgentConfig config, int bufferSlots, Consumer<String> problems, MetricProducer... producers) {
    return start(config, bufferSlots, Collections.emptyMap(), problems, producers);
  }

  /**
   * {@code overrides} win over every other setting (for tests). A Prometheus port in use costs the
   * Prometheus endpoint only: the SDK is started again without it ({@link PrometheusPortInUse}).
   */
  static TelemetryPipeline start(
      AgentConfig config, int bufferSlots, Map<String, String> overrides, Consumer<String> problems,
      MetricProducer... producers) {
    AtomicReference<ConfigProperties> settings = new AtomicReference<>();
    try {
      return build(config, bufferSlots, overrides, settings, problems, producers);
    } catch (RuntimeException e) {
      Optional<String> remaining = PrometheusPortInUse.remainingExporters(e, settings.get());
      if (remaining.isEmpty()) {
        throw e;
      }
      problems.accept(PrometheusPortInUse.message(settings.get()));
      Map<String, String> withoutPrometheus = new HashMap<>(overrides);
      withoutPrometheus.put(PrometheusPortInUse.EXPORTERS, remaining.get());
      return build(config, bufferSlots, withoutPrometheus, settings, problems, producers);
    }
  }

  /** @param settings set to the settings the SDK is built from */
  private static TelemetryPipeline build(
      AgentConfig config, int bufferSlots, Map<String, String> overrides,
      AtomicReference<ConfigProperties> settings, Consumer<String> problems, MetricProducer... producers) {
    // the customizers run on this thread, one after the other, while the SDK is built
    List<SpanProcessor> processors = new ArrayList<>();
    List<CountingSpanExporter> exporters = new ArrayList<>();
    List<CountingMetricExporter> metricExporters = new ArrayList<>();
    List<String> scrapedReaders = new ArrayList<>();
    AtomicReference<Resource> resource = new AtomicReference<>(Resource.getDefault());
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> defaults(config, bufferSlots))
            .addPropertiesCustomizer(properties -> overrides)
            .addPropertiesCustomizer(HeaderSecrets::remember)
            .addPropertiesCustomizer(TelemetryPipeline::embeddedDefault)
            .addPropertiesCustomizer(
                properties -> GrpcWithoutCompanion.refuse(properties, GrpcCompanion.ofAgentJar(), problems))
            .addPropertiesCustomizer(properties -> TraceSampling.refuseUnsupported(properties, problems))
            .addPropertiesCustomizer(
                properties -> {
                  settings.set(properties);
                  return Collections.emptyMap();
                })
            .addResourceCustomizer(
                (r, properties) -> {
                  Resource identified = RunIdentity.addTo(r);
                  resource.set(identified);
                  return identified;
                })
            .addSpanExporterCustomizer(
                (exporter, properties) -> {
                  SpanExporter used =
                      exporter instanceof LoggingSpanExporter
                          ? new ConsoleSpanExporter(System.err)
                          : OtlpHttpProtoSpanExporter.of(exporter); // the same requests, written for less CPU
                  CountingSpanExporter counting =
                      new CountingSpanExporter(used, Destinations.of(exporter, properties), problems);
                  exporters.add(counting);
                  return counting;
                })
            .addSpanProcessorCustomizer(
                (p, properties) -> {
                  processors.add(p);
                  return p;
                })
            .addMetricExporterCustomizer(
                (exporter, properties) -> {
                  CountingMetricExporter counting =
                      new CountingMetricExporter(exporter, Destinations.of(exporter, properties), problems);
                  metricExporters.add(counting);
                  return counting;
                })
            .addMetricReaderCustomizer(
                (reader, properties) -> {
                  if (!(reader instanceof PeriodicMetricReader)) { // a pushing exporter's reader
                    scrapedReaders.add(Destinations.scraped(reader, properties));
                  }
                  return reader;
                })
            .addMeterProviderCustomizer(
                (meters, properties) -> {
                  for (MetricProducer producer : producers) {
                    meters.registerMetricProducer(producer);
                  }
                  return meters;
                })
            .setComponentLoader(GrpcCompanion.ofAgentJar())
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    TelemetryPipeline pipeline =
        new TelemetryPipeline(
            sdk, processors, exporters, metricExporters, scrapedReaders, resource.get(), problems);
    if (settings.get() != null) {
      pipeline.batchQueueSize = settings.get().getInt("otel.bsp.max.queue.size", DEFAULT_QUEUE_SIZE);
    }
    for (CountingSpanExporter exporter : exporters) {
      if (exporter.destination().startsWith("OTLP")) {
        exporter.warmUp();
      }
    }
    return pipeline;
  }

  /**
   * The YAML's export section as lowest-priority defaults for the standard settings; the SDK's batch
   * queue holds as many spans as the recorder's buffer of {@code bufferSlots} (at least 2048), and it
   * exports up to 4,096 of them a request (no more than the queue holds).
   */
  static Map<String, String> defaults(AgentConfig config, int bufferSlots) {
    ExportSettings export = config.export();
    Map<String, String> p = new HashMap<>();
    config.service().ifPresent(s -> p.put("otel.service.name", s));
    export.endpoint().ifPresent(e -> p.put("otel.exporter.otlp.endpoint", e));
    // http/protobuf unless told otherwise, as the OTLP specification recommends (the SDK's own
    // autoconfigure default is still grpc)
    p.put("otel.exporter.otlp.protocol", export.protocol().orElse("http/protobuf"));
    if (!export.headers().isEmpty()) {
      p.put("otel.exporter.otlp.headers", HeaderSecrets.property(export.headers()));
    }
    p.put(FileSpanExporterProvider.FILE_PROPERTY, export.file());
    p.put(FileMetricExporterProvider.FILE_PROPERTY, export.metricsFile());
    p.put("otel.logs.exporter", "none");
    int queue = Math.max(DEFAULT_QUEUE_SIZE, bufferSlots);
    p.put("otel.bsp.max.queue.size", String.valueOf(queue));
    // 4,096 spans a request rather than 1,024: the per-request work of the HTTP client and the
    // marshaller is most of the export's CPU per span at 1,024 (docs/performance.md, issue 11)
    p.put("otel.bsp.max.export.batch.size", String.valueOf(Math.min(EXPORT_BATCH, queue)));
    p.put("otel.bsp.schedule.delay", "1000");
    p.put("otel.metric.export.interval", "10000");
    return p;
  }

  /**
   * With no endpoint anywhere, the local files are the exporters of the signals no exporter was
   * chosen for (so {@code otel.traces.exporter=console} or {@code none} alone does not send metrics
   * to an OTLP backend that is not there, retrying until exit).
   */
  static Map<String, String> embeddedDefault(ConfigProperties properties) {
    Map<String, String> overrides = new HashMap<>();
    boolean endpoint =
        properties.getString("otel.exporter.otlp.endpoint") != null
            || properties.getString("otel.exporter.otlp.traces.endpoint") != null;
    if (endpoint) {
      return overrides;
    }
    if (properties.getString("otel.traces.exporter") == null) {
      overrides.put("otel.traces.exporter", FileSpanExporterProvider.NAME);
    }
    if (properties.getString("otel.metrics.exporter") == null) {
      overrides.put("otel.metrics.exporter", FileSpanExporterProvider.NAME);
    }
    return overrides;
  }

  /**
   * All configured span processors as one; null when the configuration exports no traces
   * ({@code otel.traces.exporter=none}).
   */
  SpanProcessor processor() {
    return processor;
  }

  /** One per configured exporter, in the order the SDK built them. */
  List<CountingSpanExporter> exporters() {
    return exporters;
  }

  /** Spans the SDK's batch span processor queues at most ({@code otel.bsp.max.queue.size}). */
  int batchQueueSize() {
    return batchQueueSize;
  }

  TraceSampling sampling() {
    return sampling;
  }

  SpanLimiter limits() {
    return limits;
  }

  Resource resource() {
    return resource;
  }

  /** One per configured metric exporter; none with {@code otel.metrics.exporter=none}. */
  List<CountingMetricExporter> metricExporters() {
    return metricExporters;
  }

  /** False when no metric exporter or reader is configured ({@code otel.metrics.exporter=none}). */
  boolean exportsMetrics() {
    return !metricExporters.isEmpty() || !scrapedReaders.isEmpty();
  }

  /** Where the metrics are scraped ({@code otel.metrics.exporter=prometheus}), for the log; empty when nowhere. */
  List<String> scrapedAt() {
    return scrapedReaders;
  }

  /** Where spans go, for the log: each exporter's destination, or {@code none}. */
  String destination() {
    return exporters.isEmpty()
        ? "none"
        : exporters.stream().map(CountingSpanExporter::destination).collect(Collectors.joining(", "));
  }

  OpenTelemetrySdk sdk() {
    return sdk;
  }

  /**
   * Flushes and stops the SDK, waiting at most {@code millis}; false when that was not long enough
   * for the spans. Spans and metrics are flushed side by side, each on a daemon thread of its own,
   * since either can block (an exporter retrying an unreachable backend): a metrics backend that is
   * slow must not make the spans look unflushed. A failed export does not count here: the exporters
   * count their own failures.
   */
  boolean shutdown(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    CompletableResultCode spans = onDaemonThread(() -> sdk.getSdkTracerProvider().shutdown());
    CompletableResultCode rest =
        onDaemonThread(
            () ->
                CompletableResultCode.ofAll(
                    List.of(sdk.getSdkMeterProvider().shutdown(), sdk.getSdkLoggerProvider().shutdown())));
    boolean flushed = spans.join(remainingNanos(deadline), TimeUnit.NANOSECONDS).isDone();
    rest.join(remainingNanos(deadline), TimeUnit.NANOSECONDS);
    return flushed;
  }

  /** Done when {@code shutdown}'s result is, successful or not. */
  private static CompletableResultCode onDaemonThread(Supplier<CompletableResultCode> shutdown) {
    CompletableResultCode done = new CompletableResultCode();
    Thread flush = new Thread(() -> shutdown.get().whenComplete(done::succeed), "perf-agent-flush");
    flush.setDaemon(true);
    flush.start();
    return done;
  }

  private static long remainingNanos(long deadline) {
    return Math.max(1, deadline - System.nanoTime());
  }
}
