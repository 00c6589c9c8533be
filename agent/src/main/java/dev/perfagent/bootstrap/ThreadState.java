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
  private final DurationHistograms histograms;
  private final long idBase;
  private long sequence;
  private int depth;
  private long[] ids = new long[32];
  private long[] starts = new long[32];
  private int[] pointcuts = new int[32];
  /** Per open frame: which aggregate slots its nested aggregate-mode calls touched. */
  private long[] aggregateMasks = new long[32];
  /** Per open frame, allocated on first use: count, total, min, max nanos per aggregate slot. */
  private long[][] aggregates = new long[32][];
  /** True while configured getters run, so that calls they make are not recorded as spans. */
  private boolean readingValues;

  private ThreadState(Thread thread) {
    this.thread = thread;
    this.histograms = DurationHistograms.register(thread);
    this.idBase = THREAD_INDEX.incrementAndGet() << 40;
  }

  static ThreadState current() {
    return CURRENT.get();
  }

  int push(int siteId, long start) {
    if (readingValues) {
      return Recorder.NOT_RECORDED;
    }
    int d = depth;
    if (d == ids.length && !grow()) {
      return Recorder.NOT_RECORDED;
    }
    ids[d] = idBase | ++sequence;
    pointcuts[d] = siteId;
    starts[d] = start;
    aggregateMasks[d] = 0;
    depth = d + 1;
    return d;
  }

  void pop(
      int frame, long end, RecorderState state, Object self, Object a, Object b, Object c,
      Object returned, Throwable thrown) {
    if (frame >= depth) {
      return; // the frame was already closed (an exit without a matching enter)
    }
    depth = frame; // also discards frames above it that never saw their exit
    PointcutPlan plan = state.plan(pointcuts[frame]);
    if (plan == null) {
      return;
    }
    long start = starts[frame];
    if (end - start < plan.minDurationNanos()) {
      RecorderStats.BELOW_MIN_DURATION.increment();
      return;
    }
    long id = ids[frame];
    long parent = frame > 0 ? ids[frame - 1] : 0L;
    long root = frame > 0 ? ids[0] : id;
    SpanRing ring = state.ring();
    readingValues = true;
    try {
      ring.write(
          pointcuts[frame], id, parent, root, start, end, this, plan, self, a, b, c, returned,
          thrown, aggregateMasks[frame], aggregates[frame]);
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
    histograms.record(slot, nanos);
    int d = depth - 1;
    if (d < 0) {
      return;
    }
    long[] values = aggregates[d];
    if (values == null) {
      values = new long[RecorderState.MAX_AGGREGATE_SLOTS * 4];
      aggregates[d] = values;
    }
    long bit = 1L << slot;
    int i = slot * 4;
    if ((aggregateMasks[d] & bit) == 0) {
      aggregateMasks[d] |= bit;
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
    if (ids.length >= MAX_DEPTH) {
      return false;
    }
    int n = ids.length * 2;
    ids = Arrays.copyOf(ids, n);
    starts = Arrays.copyOf(starts, n);
    pointcuts = Arrays.copyOf(pointcuts, n);
    aggregateMasks = Arrays.copyOf(aggregateMasks, n);
    aggregates = Arrays.copyOf(aggregates, n);
    return true;
  }
}
