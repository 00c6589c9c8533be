package dev.perfagent.bootstrap;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The aggregate-mode duration histograms of one generation: one {@link DurationHistograms} per
 * thread that made an aggregate-mode call, summed for the exporter.
 */
public final class AggregateHistograms {
  private final ConcurrentLinkedQueue<DurationHistograms> live = new ConcurrentLinkedQueue<>();
  /** What threads that ended had recorded, so that cumulative counts never go down. */
  private final long[][] retired = new long[RecorderState.MAX_AGGREGATE_SLOTS][];
  private volatile boolean recorded;

  DurationHistograms register(Thread owner) {
    DurationHistograms h = new DurationHistograms(owner);
    live.add(h);
    recorded = true;
    return h;
  }

  /** Whether any thread has made an aggregate-mode call yet (its histogram is registered before it records). */
  public boolean recorded() {
    return recorded;
  }

  /**
   * The histogram of slot {@code slot} over all threads so far: {@link DurationHistograms#BUCKETS}
   * counts, then the sum, min and max in nanoseconds; null when no call was recorded. Called by the
   * exporter only.
   */
  public synchronized long[] snapshot(int slot) {
    long[] total = retired[slot] == null ? null : retired[slot].clone();
    for (Iterator<DurationHistograms> it = live.iterator(); it.hasNext(); ) {
      DurationHistograms h = it.next();
      long[] values = h.bySlot[slot];
      Thread owner = h.owner.get();
      if (owner == null || !owner.isAlive()) {
        it.remove();
        for (int s = 0; s < RecorderState.MAX_AGGREGATE_SLOTS; s++) {
          if (h.bySlot[s] != null) {
            retired[s] = add(retired[s], h.bySlot[s]);
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
      into = new long[DurationHistograms.LENGTH];
      into[DurationHistograms.MIN] = Long.MAX_VALUE;
    }
    for (int i = 0; i < DurationHistograms.BUCKETS; i++) {
      into[i] += values[i];
    }
    into[DurationHistograms.SUM] += values[DurationHistograms.SUM];
    into[DurationHistograms.MIN] = Math.min(into[DurationHistograms.MIN], values[DurationHistograms.MIN]);
    into[DurationHistograms.MAX] = Math.max(into[DurationHistograms.MAX], values[DurationHistograms.MAX]);
    return into;
  }
}
