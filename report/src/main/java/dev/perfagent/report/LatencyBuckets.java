package dev.perfagent.report;

/**
 * The latency classes of the HTML page's histograms and heatmap: four per power of ten of
 * microseconds (1 us, 1.78 us, 3.16 us, 5.62 us, 10 us, ...), so that 1 us to 3 hours fit in 41
 * classes and every chart of the page uses the same ones.
 */
final class LatencyBuckets {
  static final int PER_DECADE = 4;
  /** Classes 0 (under 1.78 us) to 40 (10,000 s and more). */
  static final int COUNT = 41;

  private LatencyBuckets() {}

  static int index(long micros) {
    if (micros <= 1) {
      return 0;
    }
    int i = (int) Math.floor(Math.log10(micros) * PER_DECADE + 1e-9);
    return Math.min(COUNT - 1, i);
  }

  /** The smallest duration of class {@code index}, microseconds. */
  static double low(int index) {
    return index == 0 ? 0 : Math.pow(10, (double) index / PER_DECADE);
  }

  /** The first duration above class {@code index}, microseconds. */
  static double high(int index) {
    return Math.pow(10, (double) (index + 1) / PER_DECADE);
  }
}
