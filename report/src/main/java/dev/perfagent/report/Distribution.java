package dev.perfagent.report;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Count, total, max and percentiles of a stream of non-negative values (durations in microseconds,
 * costs in nano-USD) in bounded memory: an auto-resizing HdrHistogram (2 significant digits: a
 * percentile is within 1 % of the true value) and a {@link Reservoir} sample for the comparison's
 * bootstrap. While the reservoir still holds every value, percentiles are exact (nearest rank, as
 * HdrHistogram's: the smallest value with at least p % of the values at or below it).
 */
public final class Distribution {
  private final Histogram histogram = new Histogram(2);
  private final Reservoir reservoir;
  private long count;
  private long total;
  private long max;

  Distribution(long seed) {
    this.reservoir = new Reservoir(Reservoir.CAPACITY, seed);
  }

  void add(long value) {
    long v = Math.max(0, value);
    histogram.recordValue(v);
    reservoir.add(v);
    count++;
    total += v;
    max = Math.max(max, v);
  }

  public long count() {
    return count;
  }

  public long total() {
    return total;
  }

  public long max() {
    return max;
  }

  public double mean() {
    return count == 0 ? 0 : (double) total / count;
  }

  /** The {@code p}th percentile (0 < p <= 100); 0 when empty. */
  public long percentile(double p) {
    if (count == 0) {
      return 0;
    }
    if (reservoir.complete()) {
      long[] sorted = reservoir.sample();
      Arrays.sort(sorted);
      return nearestRank(sorted, p);
    }
    return histogram.getValueAtPercentile(p);
  }

  /** The smallest value with at least {@code p} % of {@code sorted} at or below it. */
  static long nearestRank(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }

  /**
   * Count per {@link LatencyBuckets latency class} (the values taken as microseconds), from the
   * histogram: a value within 1 % of a class boundary may be counted in the neighbouring class.
   */
  public long[] buckets() {
    long[] counts = new long[LatencyBuckets.COUNT];
    for (HistogramIterationValue v : histogram.recordedValues()) {
      counts[LatencyBuckets.index(v.getValueIteratedTo())] += v.getCountAtValueIteratedTo();
    }
    return counts;
  }

  /** A uniform sample of the values (all of them when there were at most {@link Reservoir#CAPACITY}). */
  long[] sample() {
    return reservoir.sample();
  }
}
