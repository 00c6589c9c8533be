package dev.perfagent.bootstrap;

import java.lang.ref.WeakReference;

/**
 * One thread's histograms of aggregate-mode call durations, one per aggregate slot, with the bucket
 * boundaries of every duration histogram the agent exports: bucket {@code i} counts durations in
 * (boundary[i-1], boundary[i]] nanoseconds, the last bucket everything above 10 s. The owning
 * thread updates them with plain writes; {@link AggregateHistograms} sums all threads' histograms
 * when metrics are collected (a count read mid-update is only late, never lost).
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
  static final int LENGTH = BUCKETS + 3;

  final WeakReference<Thread> owner;
  final long[][] bySlot = new long[RecorderState.MAX_AGGREGATE_SLOTS][];

  DurationHistograms(Thread owner) {
    this.owner = new WeakReference<>(owner);
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
}
