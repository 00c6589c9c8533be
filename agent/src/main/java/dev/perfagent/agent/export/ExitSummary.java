package dev.perfagent.agent.export;

import java.util.Comparator;
import java.util.List;

/**
 * The one line logged at exit: what was recorded, and where every recorded span went, so that
 * recorded = exported + each cause of loss + not sampled. With several exporters the figures are
 * those of the destination that received the fewest spans, and each destination's follow. Metric
 * exporters that failed are named after the spans.
 */
final class ExitSummary {
  private ExitSummary() {}

  /**
   * @param exporters one per configured span exporter; none with {@code otel.traces.exporter=none}
   * @param flushed whether the SDK finished flushing the spans before the exit deadline
   * @param metrics one per configured metric exporter
   * @param nowhere the destination to name when there is no exporter
   * @param note what went wrong at exit, as {@code ", ..."}, or empty
   */
  static String line(
      SpanAccount spans, List<CountingSpanExporter> exporters, boolean flushed,
      List<CountingMetricExporter> metrics, String nowhere, String note) {
    Delivery worst =
        exporters.stream()
            .map(e -> new Delivery(e, spans.handed, flushed))
            .min(Comparator.comparingLong(d -> d.exported))
            .orElse(null);
    long exported = worst == null ? 0 : worst.exported;
    StringBuilder line =
        new StringBuilder("perf-agent: ")
            .append(spans.recorded()).append(" spans recorded, ")
            .append(exported).append(" exported, ")
            .append(spans.recorded() - exported - spans.notSampled).append(" dropped (")
            .append(spans.bufferFull).append(" buffer full, ")
            .append(worst == null ? 0 : worst.failed).append(" export failed");
    if (worst != null) {
      worst.lossesInSdk(line);
    }
    loss(line, spans.lost, "lost while assembling (internal error)");
    loss(line, spans.neverHanded(), "never handed to an exporter");
    loss(line, spans.leftInBuffer(), "still in the buffer at exit");
    line.append(note).append(')');
    loss(line, spans.notSampled, "not sampled");
    line.append(" -> ");
    if (exporters.isEmpty()) {
      line.append(nowhere);
    } else if (exporters.size() == 1) {
      line.append(exporters.get(0).destination());
    } else {
      String separator = "";
      for (CountingSpanExporter e : exporters) {
        Delivery d = new Delivery(e, spans.handed, flushed);
        line.append(separator).append(e.destination()).append(": ")
            .append(d.exported).append(" exported, ")
            .append(d.failed).append(" export failed");
        d.lossesInSdk(line);
        separator = "; ";
      }
    }
    for (CountingMetricExporter m : metrics) {
      if (m.failed() > 0) {
        line.append("; metrics: ").append(m.failed()).append(" of ").append(m.exports())
            .append(" exports failed (").append(m.destination()).append(')');
      }
    }
    return line.toString();
  }

  /** Names a cause only when it applies, so the usual line stays short. */
  private static void loss(StringBuilder line, long spans, String cause) {
    if (spans != 0) {
      line.append(", ").append(spans).append(' ').append(cause);
    }
  }

  /**
   * Where the spans handed to one exporter went. Spans neither exported nor failed were dropped by
   * the SDK's queue (after a completed flush, every span it queued was given to the exporter), or
   * were not flushed in time; while the backend is failing, they count as failed: they were waiting
   * for it.
   */
  private static final class Delivery {
    final long exported;
    final long failed;
    final long queueFull;
    final long notFlushed;

    Delivery(CountingSpanExporter exporter, long handed, boolean flushed) {
      exported = exporter.exported();
      long pending = handed - exported - exporter.failed();
      if (exporter.failing()) {
        failed = exporter.failed() + pending;
        queueFull = 0;
        notFlushed = 0;
      } else {
        failed = exporter.failed();
        queueFull = flushed ? handed - exporter.given() : 0;
        notFlushed = pending - queueFull;
      }
    }

    void lossesInSdk(StringBuilder line) {
      loss(line, queueFull, "SDK queue full");
      loss(line, notFlushed, "not flushed in time");
    }
  }
}
