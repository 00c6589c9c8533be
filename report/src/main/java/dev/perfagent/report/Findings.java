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
 *   <li>pool misses: a lookup (see {@link PoolLookups}) that both hit and missed, whose misses took
 *       over {@link #MISS_FACTOR} times as long as its hits and at least {@link #MISS_MIN_MICROS} more
 *       (the largest few; such an operation's cold start is not said again);
 *   <li>rate-limit retries: calls that failed with a 429, and what the retries cost;
 *   <li>serial calls that could overlap: sibling LLM or tool calls that ran one after another (see
 *       {@link SerialCalls}), where running them together could have saved at least
 *       {@link #SERIAL_MIN_SAVING_MICROS} (the largest few);
 *   <li>tool errors: a tool that failed in at least {@link #TOOL_ERROR_RATE} of its calls.
 * </ul>
 */
final class Findings {
  static final double COLD_START_FACTOR = 3.0;
  static final long COLD_START_MIN_MICROS = 20_000;
  static final double TOOL_ERROR_RATE = 0.10;
  static final double MISS_FACTOR = 2.0;
  static final long MISS_MIN_MICROS = 1_000;
  static final long SERIAL_MIN_SAVING_MICROS = 20_000;
  static final int SHOWN = 5;

  private Findings() {}

  static List<Finding> of(RunReport report) {
    List<OperationStats> cold = new ArrayList<>();
    List<OperationStats> missing = new ArrayList<>();
    for (OperationStats op : report.operations()) {
      if (missesCost(op)) {
        missing.add(op);
      } else if (isColdStart(op)) {
        cold.add(op);
      }
    }
    // the largest first: a slow first call of a parent is often its children's cold start
    cold.sort(Comparator.comparingLong(Findings::excess).reversed());
    List<Finding> out = new ArrayList<>();
    for (OperationStats op : cold.subList(0, Math.min(SHOWN, cold.size()))) {
      coldStart(op, out);
    }
    if (cold.size() > SHOWN) {
      out.add(new Finding(Finding.Kind.COLD_START, "", "cold start: " + (cold.size() - SHOWN)
          + " more operations whose first call was much slower than the rest"));
    }
    missing.sort(Comparator.comparingLong(Findings::missExcess).reversed());
    for (OperationStats op : missing.subList(0, Math.min(SHOWN, missing.size()))) {
      poolMisses(op, out);
    }
    if (missing.size() > SHOWN) {
      out.add(new Finding(Finding.Kind.POOL_MISSES, "", "pool misses: " + (missing.size() - SHOWN)
          + " more lookups whose misses were much slower than their hits"));
    }
    for (OperationStats op : report.operations()) {
      rateLimits(op, out);
      toolErrors(op, out);
    }
    serialCalls(report, out);
    return out;
  }

  private static boolean missesCost(OperationStats op) {
    if (op.misses() == 0 || op.hits() == 0) {
      return false;
    }
    double miss = (double) op.missMicros() / op.misses();
    double hit = (double) op.hitMicros() / op.hits();
    return miss > MISS_FACTOR * hit && miss - hit >= MISS_MIN_MICROS;
  }

  /** What the misses took beyond the time as many hits would have. */
  private static long missExcess(OperationStats op) {
    return op.missMicros() - op.misses() * op.hitMicros() / Math.max(1, op.hits());
  }

  private static void poolMisses(OperationStats op, List<Finding> out) {
    long lookups = op.misses() + op.hits();
    out.add(new Finding(Finding.Kind.POOL_MISSES, op.name(), String.format(Locale.ROOT,
        "pool misses: '%s' missed %d of %d lookups%s; a miss took %s on average, a hit %s: the misses cost %s"
            + " more than as many hits",
        op.name(), op.misses(), lookups,
        op.createdOnMiss() == null ? "" : " (it created '" + op.createdOnMiss() + "')",
        Units.duration((double) op.missMicros() / op.misses()), Units.duration((double) op.hitMicros() / op.hits()),
        Units.duration(missExcess(op)))));
  }

  private static void serialCalls(RunReport report, List<Finding> out) {
    List<SerialCalls.Run> runs = new ArrayList<>();
    for (SerialCalls.Run run : report.serialRuns()) {
      if (run.savingMicros() >= SERIAL_MIN_SAVING_MICROS) {
        runs.add(run);
      }
    }
    runs.sort(Comparator.comparingLong(SerialCalls.Run::savingMicros).reversed());
    for (SerialCalls.Run run : runs.subList(0, Math.min(SHOWN, runs.size()))) {
      out.add(new Finding(Finding.Kind.SERIAL_CALLS, run.parent(), String.format(Locale.ROOT,
          "serial calls that could overlap: under '%s', %s ran one after another (%d time%s, %s in all);"
              + " the spans show no call between them that used an earlier one's result, so if they are"
              + " independent, running them together could save up to %s",
          run.parent(), quoted(run.calls()), run.times(), run.times() == 1 ? "" : "s",
          Units.duration(run.serialMicros()), Units.duration(run.savingMicros()))));
    }
    if (runs.size() > SHOWN) {
      out.add(new Finding(Finding.Kind.SERIAL_CALLS, "", "serial calls that could overlap: " + (runs.size() - SHOWN)
          + " more sequences of sibling calls"));
    }
  }

  private static String quoted(List<String> names) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      b.append(i == 0 ? "" : i == names.size() - 1 ? " then " : ", ").append('\'').append(names.get(i)).append('\'');
    }
    return b.toString();
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
