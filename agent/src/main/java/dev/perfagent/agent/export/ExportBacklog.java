package dev.perfagent.agent.export;

import dev.perfagent.bootstrap.SpanRecord;
import dev.perfagent.bootstrap.SpanRing;
import java.util.ArrayDeque;

/**
 * Spans the exporter thread took out of the recorder's ring before it could hand them to the SDK,
 * kept as copies (and the spans the ring spilled, as they are): while the OpenTelemetry SDK starts,
 * and whenever the export is behind (cold code at start, the SDK's batch queue full), so that the
 * ring stays free for the application's threads. Bounded: it holds at most {@link #HEAP_SHARE
 * 1/16} of the maximum heap (on top of the ring's 1/8); what does not fit is dropped and counted
 * like a full buffer.
 */
final class ExportBacklog {
  /** The backlog may take this fraction of the maximum heap: 1/16. */
  static final int HEAP_SHARE = 16;

  private final ArrayDeque<SpanRecord> kept = new ArrayDeque<>();
  private final long limit;
  private long overflowed;

  ExportBacklog(long limit) {
    this.limit = limit;
  }

  /**
   * The spans a backlog may hold for spans of {@code width} values and {@code aggregateSlots}
   * aggregate counters (their slot's size), with {@code maxHeap} of heap ({@code Long.MAX_VALUE}:
   * no limit).
   */
  static long limit(int width, int aggregateSlots, long maxHeap) {
    long heap = maxHeap == Long.MAX_VALUE ? 4L << 30 : maxHeap;
    return Math.max(1, heap / HEAP_SHARE / SpanRing.bytesPerSlot(width, aggregateSlots));
  }

  /** Copies the ring's slot; false (and counted) when the backlog is full. */
  boolean keep(SpanRecord slot) {
    return hasRoom() && kept.add(slot.copy());
  }

  /** Keeps a record that is no slot (a span the ring spilled); false (and counted) when full. */
  boolean adopt(SpanRecord own) {
    return hasRoom() && kept.add(own);
  }

  private boolean hasRoom() {
    if (kept.size() >= limit) {
      overflowed++;
      return false;
    }
    return true;
  }

  /** Hands up to {@code max} kept spans to {@code sink}, oldest first, and forgets them; returns how many. */
  int handTo(SpanRing.SpanSink sink, int max) {
    int n = 0;
    SpanRecord r;
    while (n < max && (r = kept.poll()) != null) {
      n++;
      sink.accept(r);
    }
    return n;
  }

  int size() {
    return kept.size();
  }

  long limit() {
    return limit;
  }

  /** Spans that did not fit. */
  long overflowed() {
    return overflowed;
  }
}
