package dev.perfagent.bootstrap;

/**
 * A span that has started and is not yet written to the ring: what it is (site, plan), who it is
 * (trace, span and parent ids), when it started, and the values already frozen for it. A
 * {@link Frame} is one on a thread's stack; a {@link PendingSpan} is one that outlived its call.
 */
abstract class OpenSpan {
  int siteId;
  PointcutPlan plan;
  RecorderState state;
  /** The local id of the trace: the span id of its root. */
  long traceId;
  long spanId;
  /** 0 for a root span. */
  long parentId;
  /** Taken from the parent, or made by this span's call when its pointcut has flow-down; may be null. */
  FlowingValues flowing;
  long start;
  /** Frozen captured values, by the plan's value index. */
  Object[] values;
  /** Bit {@code i} set: value {@code i} was cut at a limit. */
  long truncatedMask;
  String threadName;
  long threadId;
  /** Which aggregate slots nested aggregate-mode calls touched. */
  long aggregateMask;
  /** Allocated on first use: count, total, min, max nanos per aggregate slot. */
  long[] aggregates;
  /** For a span that follows a stream of items: when the first came ({@link System#nanoTime()}). */
  long firstItemNanos;
  /**
   * For a span that follows a stream of items: how many came (counted atomically, read plainly by
   * whoever ends the span); -1 for any other span.
   */
  long items = -1;

  /** Counts a value cut at a limit; {@code index} -1: not one of the span's values (a flowing one). */
  final void markTruncated(int index) {
    if (index >= 0 && index < 64) {
      truncatedMask |= 1L << index;
    }
    state.stats().truncatedValues.increment();
  }
}
