package dev.perfagent.report;

import java.util.Locale;

/** How numbers are written in the terminal report. */
final class Units {
  private Units() {}

  static String duration(long micros) {
    if (micros < 1_000) {
      return micros + " us";
    }
    if (micros < 10_000) {
      return String.format(Locale.ROOT, "%.2f ms", micros / 1e3);
    }
    if (micros < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f ms", micros / 1e3);
    }
    return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
  }

  static String duration(double micros) {
    return duration(Math.round(micros));
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, fraction != 0 && fraction < 0.001 ? "%.2f%%" : "%.1f%%", fraction * 100);
  }

  static String usd(double usd) {
    return String.format(Locale.ROOT, usd < 0.01 && usd > 0 ? "$%.6f" : "$%.4f", usd);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
