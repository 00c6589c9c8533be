package dev.perfagent.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The findings: only where the data shows them, with the figures that show them.
 *
 * <ul>
 *   <li>cold start: the first call of an operation (3 calls or more) took over 3 times the median
 *       and at least {@link #COLD_START_MIN_MICROS} longer (the largest few);
 *   <li>rate-limit retries: calls that failed with a 429, and what the retries cost;
 *   <li>tool errors: a tool that failed in at least {@link #TOOL_ERROR_RATE} of its calls.
 * </ul>
 */
final class Findings {
  static final double COLD_START_FACTOR = 3.0;
  static final long COLD_START_MIN_MICROS = 20_000;
  static final double TOOL_ERROR_RATE = 0.10;
  static final int COLD_STARTS_SHOWN = 5;

  private Findings() {}

  static List<Finding> of(RunReport report) {
    List<OperationStats> cold = new ArrayList<>();
    for (OperationStats op : report.operations()) {
      if (isColdStart(op)) {
        cold.add(op);
      }
    }
    // the largest first: a slow first call of a parent is often its children's cold start
    cold.sort(Comparator.comparingLong(Findings::excess).reversed());
    List<Finding> out = new ArrayList<>();
    for (OperationStats op : cold.subList(0, Math.min(COLD_STARTS_SHOWN, cold.size()))) {
      coldStart(op, out);
    }
    if (cold.size() > COLD_STARTS_SHOWN) {
      out.add(new Finding(Finding.Kind.COLD_START, "", "cold start: " + (cold.size() - COLD_STARTS_SHOWN)
          + " more operations whose first call was much slower than the rest"));
    }
    for (OperationStats op : report.operations()) {
      rateLimits(op, out);
      toolErrors(op, out);
    }
    return out;
  }

  private static boolean isColdStart(OperationStats op) {
    long median = op.timing().durations().percentile(50);
    long first = op.firstCallMicros();
    return op.timing().count() >= 3 && first > COLD_START_FACTOR * median && excess(op) >= COLD_START_MIN_MICROS;
  }

  private static long excess(OperationStats op) {
    return op.firstCallMicros() - op.timing().durations().percentile(50);
  }

  private static void coldStart(OperationStats op, List<Finding> out) {
    long count = op.timing().count();
    long median = op.timing().durations().percentile(50);
    long first = op.firstCallMicros();
    out.add(new Finding(Finding.Kind.COLD_START, op.name(), String.format(Locale.ROOT,
        "cold start: the first '%s' took %s, %.0fx the median of its %d calls (%s)",
        op.name(), Units.duration(first), (double) first / Math.max(1, median), count, Units.duration(median))));
  }

  private static void rateLimits(OperationStats op, List<Finding> out) {
    if (op.rateLimited() == 0) {
      return;
    }
    out.add(new Finding(Finding.Kind.RATE_LIMIT_RETRIES, op.name(), String.format(Locale.ROOT,
        "rate limits: %d of %d '%s' calls were refused with 429, %d retried; the refused calls and the"
            + " waits before the retries took %s",
        op.rateLimited(), op.timing().count(), op.name(), op.retried(), Units.duration(op.retryLostMicros()))));
  }

  private static void toolErrors(OperationStats op, List<Finding> out) {
    if (op.isTool() && op.timing().errors() > 0 && op.timing().errorRate() >= TOOL_ERROR_RATE) {
      out.add(new Finding(Finding.Kind.TOOL_ERRORS, op.name(), String.format(Locale.ROOT,
          "tool errors: '%s' failed %d of %d calls (%s)",
          op.name(), op.timing().errors(), op.timing().count(), Units.percent(op.timing().errorRate()))));
    }
  }
}
