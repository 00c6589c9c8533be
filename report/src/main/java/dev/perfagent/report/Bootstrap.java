package dev.perfagent.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Confidence intervals of the relative change of a statistic between two samples, by the percentile
 * bootstrap: each side is resampled with replacement {@link #RESAMPLES} times and the statistic's
 * ratio new / base - 1 taken; the interval is the 2.5th to 97.5th percentile of those ratios. It
 * assumes nothing about the distribution, and with few values its interval is wide, so a small
 * sample is not flagged by chance. A resample is drawn as counts per position of the sorted sample,
 * so its percentiles need no sort.
 */
final class Bootstrap {
  static final int RESAMPLES = 1000;
  /** Fewer values than this on either side: no verdict. */
  static final int MIN_SAMPLES = 5;

  /** Which statistic. */
  enum Statistic {
    P50(50), P95(95), P99(99), MEAN(0);

    /** The percentile; 0 for the mean. */
    final double percent;

    Statistic(double percent) {
      this.percent = percent;
    }

    /** Of {@code sorted} with each value taken {@code counts[i]} times ({@code n} in all). */
    double of(long[] sorted, int[] counts, int n) {
      if (this == MEAN) {
        double sum = 0;
        for (int i = 0; i < sorted.length; i++) {
          sum += (double) sorted[i] * counts[i];
        }
        return sum / n;
      }
      long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * n));
      long seen = 0;
      for (int i = 0; i < sorted.length; i++) {
        seen += counts[i];
        if (seen >= rank) {
          return sorted[i];
        }
      }
      return sorted[sorted.length - 1];
    }

    double of(long[] sorted) {
      if (this == MEAN) {
        double sum = 0;
        for (long v : sorted) {
          sum += v;
        }
        return sum / sorted.length;
      }
      return Distribution.nearestRank(sorted, percent);
    }

    /** Of all values of {@code d} (its histogram beyond the sample). */
    double of(Distribution d) {
      return this == MEAN ? d.mean() : d.percentile(percent);
    }
  }

  /** The estimate and its interval, as relative changes (0.1 = +10 %). */
  static final class Interval {
    final double estimate;
    final double low;
    final double high;

    Interval(double estimate, double low, double high) {
      this.estimate = estimate;
      this.low = low;
      this.high = high;
    }

    boolean excludesZero() {
      return low > 0 || high < 0;
    }
  }

  private Bootstrap() {}

  /** Null when either side has fewer than {@link #MIN_SAMPLES} values or the base statistic is 0. */
  static Interval relativeChange(long[] base, long[] next, Statistic statistic, long seed) {
    if (base.length < MIN_SAMPLES || next.length < MIN_SAMPLES) {
      return null;
    }
    long[] b = base.clone();
    long[] n = next.clone();
    Arrays.sort(b);
    Arrays.sort(n);
    double baseValue = statistic.of(b);
    if (baseValue == 0) {
      return null;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] ratios = new double[RESAMPLES];
    int[] bc = new int[b.length];
    int[] nc = new int[n.length];
    for (int r = 0; r < RESAMPLES; r++) {
      double rb = statistic.of(b, draw(bc, random), b.length);
      double rn = statistic.of(n, draw(nc, random), n.length);
      ratios[r] = rb == 0 ? (rn == 0 ? 0 : Double.POSITIVE_INFINITY) : rn / rb - 1;
    }
    Arrays.sort(ratios);
    return new Interval(statistic.of(n) / baseValue - 1, ratios[(int) (0.025 * RESAMPLES)],
        ratios[(int) Math.ceil(0.975 * RESAMPLES) - 1]);
  }

  /** How often each position is drawn in one resample of the same size. */
  private static int[] draw(int[] counts, SplittableRandom random) {
    Arrays.fill(counts, 0);
    for (int i = 0; i < counts.length; i++) {
      counts[random.nextInt(counts.length)]++;
    }
    return counts;
  }
}
