package dev.perfagent.e2e;

import java.util.Arrays;
import java.util.List;

/**
 * One explicit-bucket histogram point as exported, and the quantiles a backend would estimate
 * from it (linear within a bucket, the observed min and max bounding the outer buckets).
 */
final class HistogramPoint {
  /** The boundaries of perf-agent's duration histograms (all but the GenAI one), in seconds. */
  static final List<Double> SECONDS =
      Arrays.asList(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  final String unit;
  final long count;
  final List<Double> bounds;
  final List<Long> bucketCounts;
  final Double min; // null when not exported
  final Double max;

  HistogramPoint(String unit, long count, List<Double> bounds, List<Long> bucketCounts, Double min, Double max) {
    this.unit = unit;
    this.count = count;
    this.bounds = bounds;
    this.bucketCounts = bucketCounts;
    this.min = min;
    this.max = max;
  }

  /** This point and {@code other} (same boundaries) as one: the series of two attribute sets merged. */
  HistogramPoint plus(HistogramPoint other) {
    List<Long> counts = new java.util.ArrayList<>(bucketCounts);
    for (int i = 0; i < counts.size(); i++) {
      counts.set(i, counts.get(i) + other.bucketCounts.get(i));
    }
    return new HistogramPoint(unit, count + other.count, bounds, counts,
        min == null || other.min == null ? null : Math.min(min, other.min),
        max == null || other.max == null ? null : Math.max(max, other.max));
  }

  long bucketTotal() {
    return bucketCounts.stream().mapToLong(Long::longValue).sum();
  }

  /** The {@code q} quantile (0 < q <= 1) estimated from the bucket counts alone. */
  double quantile(double q) {
    double rank = q * count;
    long below = 0;
    for (int i = 0; i < bucketCounts.size(); i++) {
      long n = bucketCounts.get(i);
      if (n > 0 && below + n >= rank) {
        double lower = i == 0 ? 0 : bounds.get(i - 1);
        double upper = i == bounds.size() ? Double.POSITIVE_INFINITY : bounds.get(i);
        if (min != null) {
          lower = Math.max(lower, min);
        }
        if (max != null) {
          upper = Math.min(upper, max);
        }
        if (Double.isInfinite(upper)) {
          return lower;
        }
        return lower + (upper - lower) * (rank - below) / n;
      }
      below += n;
    }
    throw new IllegalStateException("no bucket holds rank " + rank + " of " + this);
  }

  @Override
  public String toString() {
    return "count " + count + " " + unit + ", bounds " + bounds + ", counts " + bucketCounts + ", min " + min
        + ", max " + max;
  }
}
