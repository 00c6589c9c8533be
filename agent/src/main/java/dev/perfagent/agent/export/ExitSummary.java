package dev.perfagent.agent.export;

import java.util.Comparator;
import java.util.List;

/**
 * The one line logged at exit: what was recorded, and where every recorded span went, so that
 * recorded = exported + each cause of loss + not sampled. With several exporters the figures are
 * those of the destination that received the fewest spans, and each destination's follow.
 */
final class ExitSummary {
  private ExitSummary() {}

  /**
   * @param written spans that got into the recorder's buffer
   * @param bufferFull spans dropped because that buffer was full
   * @param notSampled spans the sampler left out
   * @param handed spans handed to the span processors
   * @param exporters one per configured exporter; none with {@code otel.traces.exporter=none}
   * @param nowhere the destination to name when there is no exporter
   * @param note what went wrong at exit, as {@code ", ..."}, or empty
   */
  static String line(
      long written, long bufferFull, long notSampled, long handed,
      List<CountingSpanExporter> exporters, String nowhere, String note) {
    CountingSpanExporter worst =
        exporters.stream().min(Comparator.comparingLong(CountingSpanExporter::exported)).orElse(null);
    long recorded = written + bufferFull;
    long exported = worst == null ? 0 : worst.exported();
    long failed = worst == null ? 0 : worst.failed();
    StringBuilder line =
        new StringBuilder("perf-agent: ")
            .append(recorded).append(" spans recorded, ")
            .append(exported).append(" exported, ")
            .append(recorded - exported - notSampled).append(" dropped (")
            .append(bufferFull).append(" buffer full, ")
            .append(failed).append(" export failed");
    if (worst != null) {
      loss(line, lostInSdk(handed, worst), "lost in the SDK queue");
    }
    loss(line, written - notSampled - handed, "never handed to an exporter");
    line.append(note).append(')');
    loss(line, notSampled, "not sampled");
    line.append(" -> ");
    if (exporters.isEmpty()) {
      line.append(nowhere);
    } else if (exporters.size() == 1) {
      line.append(exporters.get(0).destination());
    } else {
      String separator = "";
      for (CountingSpanExporter e : exporters) {
        line.append(separator).append(e.destination()).append(": ")
            .append(e.exported()).append(" exported, ")
            .append(e.failed()).append(" export failed");
        loss(line, lostInSdk(handed, e), "lost in the SDK queue");
        separator = "; ";
      }
    }
    return line.toString();
  }

  /** Handed to the SDK but neither exported nor failed: its queue was full, or not flushed in time. */
  private static long lostInSdk(long handed, CountingSpanExporter exporter) {
    return handed - exporter.exported() - exporter.failed();
  }

  /** Names a cause only when it applies, so the usual line stays short. */
  private static void loss(StringBuilder line, long spans, String cause) {
    if (spans != 0) {
      line.append(", ").append(spans).append(' ').append(cause);
    }
  }
}
