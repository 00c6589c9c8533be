package dev.perfagent.agent.export;

import dev.perfagent.bootstrap.RecorderStats;
import dev.perfagent.bootstrap.SpanRing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The agent's own health as metrics, each read from a count that exists anyway when the metrics are
 * collected (callbacks): nothing is added to the application's threads or the exporter's loop.
 * Spans recorded, exported and dropped (by cause), failed export requests (by signal and
 * destination) and the fill of the buffer between the application threads and the exporter.
 */
final class AgentHealthMetrics {
  private static final AttributeKey<String> CAUSE = AttributeKey.stringKey("perf_agent.drop.cause");
  private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("perf_agent.destination");
  private static final AttributeKey<String> SIGNAL = AttributeKey.stringKey("perf_agent.signal");
  private static final Attributes BUFFER_FULL = Attributes.of(CAUSE, "buffer_full");
  private static final Attributes EXPORT_FAILED = Attributes.of(CAUSE, "export_failed");
  private static final Attributes ASSEMBLY_ERROR = Attributes.of(CAUSE, "assembly_error");

  private AgentHealthMetrics() {}

  /**
   * @param drained spans the exporter took out of {@code ring}
   * @param lost drained spans lost to an internal error while they were assembled
   */
  static void register(
      Meter meter, SpanRing ring, RecorderStats stats, LongSupplier drained, LongSupplier lost,
      List<CountingSpanExporter> spanExporters, List<CountingMetricExporter> metricExporters) {
    meter.counterBuilder("perf_agent.spans.recorded").setUnit("{span}")
        .setDescription("Spans the application threads finished (written to the buffer, or dropped because it was full)")
        .buildWithCallback(m -> m.record(ring.written() + stats.dropped.sum()));
    meter.counterBuilder("perf_agent.spans.dropped").setUnit("{span}")
        .setDescription("Spans lost, by cause: buffer_full (the buffer between application threads and exporter),"
            + " export_failed (in an export request that failed, per exporter), assembly_error (an internal error)")
        .buildWithCallback(m -> {
          m.record(stats.dropped.sum(), BUFFER_FULL);
          m.record(spanExporters.stream().mapToLong(CountingSpanExporter::failed).sum(), EXPORT_FAILED);
          m.record(lost.getAsLong(), ASSEMBLY_ERROR);
        });
    meter.counterBuilder("perf_agent.spans.exported").setUnit("{span}")
        .setDescription("Spans an exporter delivered, by destination")
        .buildWithCallback(m -> {
          for (CountingSpanExporter e : spanExporters) {
            m.record(e.exported(), Attributes.of(DESTINATION, e.destination()));
          }
        });
    meter.counterBuilder("perf_agent.export.failures").setUnit("{request}")
        .setDescription("Export requests that failed, by signal (traces, metrics) and destination")
        .buildWithCallback(m -> {
          for (CountingSpanExporter e : spanExporters) {
            m.record(e.failedExports(), Attributes.of(SIGNAL, "traces", DESTINATION, e.destination()));
          }
          for (CountingMetricExporter e : metricExporters) {
            m.record(e.failed(), Attributes.of(SIGNAL, "metrics", DESTINATION, e.destination()));
          }
        });
    meter.gaugeBuilder("perf_agent.buffer.used").ofLongs().setUnit("{span}")
        .setDescription("Spans in the buffer between the application threads and the exporter, not yet drained")
        .buildWithCallback(m -> m.record(Math.max(0, ring.written() - drained.getAsLong())));
    meter.counterBuilder("perf_agent.buffer.spilled").setUnit("{span}")
        .setDescription("Spans that found the buffer full and waited in its spill list instead of being dropped"
            + " (allocated on the application thread); a steady rise says export.buffer-size is too small")
        .buildWithCallback(m -> m.record(ring.spilledEver()));
    meter.gaugeBuilder("perf_agent.buffer.capacity").ofLongs().setUnit("{span}")
        .setDescription("Slots of that buffer (export.buffer-size, cut to fit the heap)")
        .buildWithCallback(m -> m.record(ring.capacity()));
  }
}
