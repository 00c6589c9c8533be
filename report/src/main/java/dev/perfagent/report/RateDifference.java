package dev.perfagent.report;

/**
 * The difference of two proportions (error rates) with Newcombe's hybrid score interval built from
 * Wilson intervals: sound for small samples and for rates of 0, where the bootstrap of a ratio is not.
 */
final class RateDifference {
  private static final double Z = 1.959964;

  private RateDifference() {}

  static Bootstrap.Interval of(long baseErrors, long baseCount, long newErrors, long newCount) {
    if (baseCount < Bootstrap.MIN_SAMPLES || newCount < Bootstrap.MIN_SAMPLES) {
      return null;
    }
    double p1 = (double) baseErrors / baseCount;
    double p2 = (double) newErrors / newCount;
    double[] w1 = wilson(p1, baseCount);
    double[] w2 = wilson(p2, newCount);
    double d = p2 - p1;
    double low = d - Math.sqrt(sq(p2 - w2[0]) + sq(w1[1] - p1));
    double high = d + Math.sqrt(sq(w2[1] - p2) + sq(p1 - w1[0]));
    return new Bootstrap.Interval(d, low, high);
  }

  static double[] wilson(double p, long n) {
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double center = (p + z2 / (2.0 * n)) / denominator;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new double[] {center - half, center + half};
  }

  private static double sq(double x) {
    return x * x;
  }
}
