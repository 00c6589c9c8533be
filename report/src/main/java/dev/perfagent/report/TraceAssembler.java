package dev.perfagent.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects the spans of each trace until the trace is complete, then hands it on, so that memory
 * holds only the traces in flight, not the whole input. The exporter writes children before their
 * parents, so a trace is taken as complete once its root has arrived and the input has moved
 * {@link #GRACE_NANOS} past the root's end (a span that outlived its parent, an async end, still
 * arrives in time); everything left is handed on at the end. If more than {@link #MAX_PENDING_SPANS}
 * spans wait (traces whose root never comes), the oldest traces are handed on as they are.
 */
final class TraceAssembler {
  static final long GRACE_NANOS = 30_000_000_000L;
  static final int MAX_PENDING_SPANS = 400_000;

  private final Consumer<Trace> complete;
  private final Map<String, Trace> pending = new LinkedHashMap<>();
  private final Deque<Rooted> rooted = new ArrayDeque<>();
  private long latestEnd = Long.MIN_VALUE;
  private int pendingSpans;

  TraceAssembler(Consumer<Trace> complete) {
    this.complete = complete;
  }

  void add(Span span) {
    String key = span.run.id() + "/" + span.traceId;
    pending.computeIfAbsent(key, k -> new Trace()).add(span);
    pendingSpans++;
    latestEnd = Math.max(latestEnd, span.endNanos);
    if (span.isRoot()) {
      rooted.add(new Rooted(key, span.endNanos));
    }
    while (!rooted.isEmpty() && rooted.peek().endNanos + GRACE_NANOS < latestEnd) {
      emit(rooted.poll().key);
    }
    if (pendingSpans > MAX_PENDING_SPANS) {
      Iterator<String> oldest = pending.keySet().iterator();
      emit(oldest.next());
    }
  }

  /** Hands on every trace still waiting. */
  void finish() {
    while (!pending.isEmpty()) {
      emit(pending.keySet().iterator().next());
    }
    rooted.clear();
  }

  private void emit(String key) {
    Trace trace = pending.remove(key);
    if (trace != null) {
      pendingSpans -= trace.spans.size();
      complete.accept(trace);
    }
  }

  private static final class Rooted {
    final String key;
    final long endNanos;

    Rooted(String key, long endNanos) {
      this.key = key;
      this.endNanos = endNanos;
    }
  }
}
