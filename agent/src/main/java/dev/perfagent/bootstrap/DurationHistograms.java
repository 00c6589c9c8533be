package dev.perfagent.bootstrap;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Per-thread histograms of aggregate-mode call durations, one per aggregate slot, with the bucket
 * boundaries of every duration histogram the agent exports: bucket {@code i} counts durations in
 * (boundary[i-1], boundary[i]] nanoseconds, the last bucket everything above 10 s. The owning
 * thread updates them with plain writes; the exporter sums all threads' histograms when metrics are
 * collected (a count read mid-update is only late, never lost).
 */
public final class DurationHistograms {
  /**
   * 5 ms ... 10 s, the boundaries the OpenTelemetry conventions advise for durations in seconds.
   * They live here, on the bootstrap class path, because the hot path needs them and may only use
   * java.base; the exporter's other duration histograms take them from {@link #boundaryNanos()}.
   */
  private static final long[] BOUNDARY_NANOS = {
    5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L, 75_000_000L, 100_000_000L, 250_000_000L,
    500_000_000L, 750_000_000L, 1_000_000_000L, 2_500_000_000L, 5_000_000_000L, 7_500_000_000L,
    10_000_000_000L
  };

  /** Buckets per histogram: one per boundary, and the open-ended last one. */
  public static final int BUCKETS = BOUNDARY_NANOS.length + 1;

  /** Where a {@link #snapshot} keeps the sum, min and max (nanoseconds), after the counts. */
  public static final int SUM = BUCKETS;
  public static final int MIN = BUCKETS + 1;
  public static final int MAX = BUCKETS + 2;
  private static final int LENGTH = BUCKETS + 3;

  private static final ConcurrentLinkedQueue<DurationHistograms> LIVE = new ConcurrentLinkedQueue<>();
  /** What threads that ended had recorded, so that cumulative counts never go down. */
  private static final long[][] RETIRED = new long[RecorderState.MAX_AGGREGATE_SLOTS][];

  private final WeakReference<Thread> owner;
  private final long[][] bySlot = new long[RecorderState.MAX_AGGREGATE_SLOTS][];

  private DurationHistograms(Thread owner) {
    this.owner = new WeakReference<>(owner);
  }

  static DurationHistograms register(Thread owner) {
    DurationHistograms h = new DurationHistograms(owner);
    LIVE.add(h);
    return h;
  }

  /** The upper bounds of all buckets but the last, in nanoseconds (a copy). */
  public static long[] boundaryNanos() {
    return BOUNDARY_NANOS.clone();
  }

  /**
   * A linear scan from the smallest boundary: aggregate-mode calls are the short, hot ones, so most
   * take one comparison, and only calls that themselves last seconds take more.
   */
  static int bucket(long nanos) {
    int i = 0;
    while (i < BOUNDARY_NANOS.length && nanos > BOUNDARY_NANOS[i]) {
      i++;
    }
    return i;
  }

  void record(int slot, long nanos) {
    long[] h = bySlot[slot];
    if (h == null) {
      h = new long[LENGTH];
      h[MIN] = Long.MAX_VALUE;
      bySlot[slot] = h;
    }
    h[bucket(nanos)]++;
    h[SUM] += nanos;
    if (nanos < h[MIN]) {
      h[MIN] = nanos;
    }
    if (nanos > h[MAX]) {
      h[MAX] = nanos;
    }
  }

  /**
   * The histogram of slot {@code slot} over all threads so far: {@link #BUCKETS} counts, then the
   * sum, min and max in nanoseconds; null when no call was recorded. Called by the exporter only.
   */
  public static synchronized long[] snapshot(int slot) {
    long[] total = RETIRED[slot] == null ? null : RETIRED[slot].clone();
    for (Iterator<DurationHistograms> it = LIVE.iterator(); it.hasNext(); ) {
      DurationHistograms h = it.next();
      long[] values = h.bySlot[slot];
      boolean ended = h.owner.get() == null || !h.owner.get().isAlive();
      if (ended) {
        it.remove();
        for (int s = 0; s < RecorderState.MAX_AGGREGATE_SLOTS; s++) {
          if (h.bySlot[s] != null) {
            RETIRED[s] = add(RETIRED[s], h.bySlot[s]);
          }
        }
      }
      if (values != null) {
        total = add(total, values);
      }
    }
    return total;
  }

  private static long[] add(long[] into, long[] values) {
    if (into == null) {
      into = new long[LENGTH];
      into[MIN] = Long.MAX_VALUE;
    }
    for (int i = 0; i < BUCKETS; i++) {
      into[i] += values[i];
    }
    into[SUM] += values[SUM];
    into[MIN] = Math.min(into[MIN], values[MIN]);
    into[MAX] = Math.max(into[MAX], values[MAX]);
    return into;
  }
}
