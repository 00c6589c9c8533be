package dev.perfagent.bootstrap;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Per-thread histograms of aggregate-mode call durations, one per aggregate slot, with power-of-two
 * buckets: bucket {@code i} counts durations in (2^(i-1), 2^i] nanoseconds. The owning thread
 * updates them with plain writes; the exporter sums all threads' histograms when metrics are
 * collected (a count read mid-update is only late, never lost).
 */
public final class DurationHistograms {
  /** Buckets per histogram; the last one is open-ended (above 2^46 ns, about 19.5 hours). */
  public static final int BUCKETS = 48;

  static final int SUM = BUCKETS;
  static final int MIN = BUCKETS + 1;
  static final int MAX = BUCKETS + 2;
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

  static int bucket(long nanos) {
    if (nanos <= 1) {
      return 0;
    }
    return Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(nanos - 1));
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
