package dev.perfagent.bootstrap;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A duration histogram that any thread records into (a pool's connections are used and created on
 * many threads), with the buckets and the snapshot layout of {@link DurationHistograms}: a recording
 * is two atomic adds, and a compare-and-set only when it is a new minimum or maximum.
 */
final class SharedDurationHistogram {
  private final AtomicLongArray values = new AtomicLongArray(DurationHistograms.LENGTH);

  SharedDurationHistogram() {
    values.set(DurationHistograms.MIN, Long.MAX_VALUE);
  }

  void record(long nanos) {
    values.incrementAndGet(DurationHistograms.bucket(nanos));
    values.addAndGet(DurationHistograms.SUM, nanos);
    for (long min; nanos < (min = values.get(DurationHistograms.MIN)); ) {
      if (values.compareAndSet(DurationHistograms.MIN, min, nanos)) {
        break;
      }
    }
    for (long max; nanos > (max = values.get(DurationHistograms.MAX)); ) {
      if (values.compareAndSet(DurationHistograms.MAX, max, nanos)) {
        break;
      }
    }
  }

  /**
   * The counts, then the sum, min and max, as {@link AggregateHistograms#snapshot} gives them; null
   * when nothing was recorded. A recording under way may be seen in part (its count before its sum).
   */
  long[] snapshot() {
    long[] h = new long[DurationHistograms.LENGTH];
    long count = 0;
    for (int i = 0; i < h.length; i++) {
      h[i] = values.get(i);
      count += i < DurationHistograms.BUCKETS ? h[i] : 0;
    }
    return count == 0 ? null : h;
  }
}
