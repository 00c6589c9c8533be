package dev.perfagent.bootstrap;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recorder's state for one application thread: the stack of open matched calls and the local
 * span ids. A span's local id is unique in the process (thread index in the high bits, a per-thread
 * sequence in the low bits); the exporter turns it into the OpenTelemetry span id.
 */
final class ThreadState {
  private static final int MAX_DEPTH = 1024;
  private static final AtomicLong THREAD_INDEX = new AtomicLong();
  private static final ThreadLocal<ThreadState> CURRENT =
      new ThreadLocal<ThreadState>() {
        @Override
        protected ThreadState initialValue() {
          return new ThreadState(Thread.currentThread());
        }
      };

  final Thread thread;
  /** Created on this thread's first aggregate-mode call, so other threads register nothing. */
  private DurationHistograms histograms;
  private final long idBase;
  private long sequence;
  private int depth;
  private Frame[] frames = new Frame[0];
  /** True while configured getters run, so that calls they make are not recorded as spans. */
  private boolean readingValues;

  private ThreadState(Thread thread) {
    this.thread = thread;
    this.idBase = THREAD_INDEX.incrementAndGet() << 40;
    grow();
  }

  static ThreadState current() {
    return CURRENT.get();
  }

  Frame push(int siteId, PointcutPlan plan, SpanRing ring, long start) {
    if (readingValues) {
      return null;
    }
    int d = depth;
    if (d == frames.length && !grow()) {
      return null;
    }
    Frame f = frames[d];
    f.siteId = siteId;
    f.id = idBase | ++sequence;
    f.start = start;
    f.plan = plan;
    f.ring = ring;
    f.aggregateMask = 0;
    depth = d + 1;
    return f;
  }

  void pop(
      Frame f, long end, Object self, Object a, Object b, Object c, Object returned,
      Throwable thrown) {
    int d = f.depth;
    if (d >= depth) {
      return; // the frame was already closed (an exit without a matching enter)
    }
    depth = d; // also discards frames above it that never saw their exit
    if (end - f.start < f.plan.minDurationNanos()) {
      RecorderStats.BELOW_MIN_DURATION.increment();
      return;
    }
    long parent = d > 0 ? frames[d - 1].id : 0L;
    long root = d > 0 ? frames[0].id : f.id;
    readingValues = true;
    try {
      f.ring.write(
          f.siteId, f.id, parent, root, f.start, end, this, f.plan, self, a, b, c, returned,
          thrown, f.aggregateMask, f.aggregates);
    } finally {
      readingValues = false;
    }
  }

  /**
   * Adds one aggregate-mode call to the slot's duration histogram and to the innermost open frame
   * (none open: the histogram only).
   */
  void aggregate(int slot, long nanos) {
    if (readingValues) {
      return;
    }
    if (histograms == null) {
      histograms = DurationHistograms.register(thread);
    }
    histograms.record(slot, nanos);
    if (depth == 0) {
      return;
    }
    Frame f = frames[depth - 1];
    long[] values = f.aggregates;
    if (values == null) {
      values = new long[RecorderState.MAX_AGGREGATE_SLOTS * 4];
      f.aggregates = values;
    }
    long bit = 1L << slot;
    int i = slot * 4;
    if ((f.aggregateMask & bit) == 0) {
      f.aggregateMask |= bit;
      values[i] = 1;
      values[i + 1] = nanos;
      values[i + 2] = nanos;
      values[i + 3] = nanos;
    } else {
      values[i]++;
      values[i + 1] += nanos;
      values[i + 2] = Math.min(values[i + 2], nanos);
      values[i + 3] = Math.max(values[i + 3], nanos);
    }
  }

  private boolean grow() {
    int n = frames.length == 0 ? 16 : frames.length * 2;
    if (n > MAX_DEPTH) {
      return false;
    }
    int old = frames.length;
    frames = Arrays.copyOf(frames, n);
    for (int i = old; i < n; i++) {
      frames[i] = new Frame(this, i);
    }
    return true;
  }
}
