package dev.perfagent.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Two runs side by side: per operation the change of p50, p95, p99, mean and error rate; per root
 * operation the change of cost and tokens. A change is flagged only when its 95 % interval excludes
 * no change and the estimate is beyond its threshold (and, for durations, at least
 * {@code minChangeMicros}: a 12 % change of 50 us is noise, not a regression).
 */
public final class Comparison {
  /** What can be compared and gated on. */
  public enum Measure {
    P50, P95, P99, MEAN, COST, TOKENS, ERRORS;

    static Measure parse(String name) {
      for (Measure m : values()) {
        if (m.name().equalsIgnoreCase(name)) {
          return m;
        }
      }
      return null;
    }

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One measure of one operation in both runs. */
  public static final class Change {
    final String operation;
    final Measure measure;
    final double base;
    final double next;
    /** Null: too few values for a verdict. */
    final Bootstrap.Interval interval;
    final boolean regression;
    final boolean improvement;

    Change(String operation, Measure measure, double base, double next, Bootstrap.Interval interval,
        boolean regression, boolean improvement) {
      this.operation = operation;
      this.measure = measure;
      this.base = base;
      this.next = next;
      this.interval = interval;
      this.regression = regression;
      this.improvement = improvement;
    }

    public String operation() {
      return operation;
    }

    public Measure measure() {
      return measure;
    }

    public boolean regression() {
      return regression;
    }
  }

  final List<Change> changes = new ArrayList<>();
  final List<String> added = new ArrayList<>();
  final List<String> vanished = new ArrayList<>();

  static Comparison of(RunReport base, RunReport next, Map<Measure, Double> thresholds, long minChangeMicros) {
    Comparison c = new Comparison();
    Map<String, OperationStats> before = new LinkedHashMap<>();
    base.operations().forEach(op -> before.put(op.name(), op));
    Map<String, OperationStats> after = new LinkedHashMap<>();
    next.operations().forEach(op -> after.put(op.name(), op));
    for (OperationStats b : before.values()) {
      OperationStats n = after.get(b.name());
      if (n == null) {
        c.vanished.add(b.name());
        continue;
      }
      long[] bs = b.timing().durations().sample();
      long[] ns = n.timing().durations().sample();
      for (Measure m : List.of(Measure.P50, Measure.P95, Measure.P99, Measure.MEAN)) {
        Bootstrap.Statistic s = Bootstrap.Statistic.valueOf(m.name());
        c.add(b.name(), m, s.of(b.timing().durations()), s.of(n.timing().durations()),
            Bootstrap.relativeChange(bs, ns, s, b.name().hashCode() * 31L + m.ordinal()), thresholds, minChangeMicros);
      }
      c.add(b.name(), Measure.ERRORS, b.timing().errorRate(), n.timing().errorRate(),
          RateDifference.of(b.timing().errors(), b.timing().count(), n.timing().errors(), n.timing().count()),
          thresholds, 0);
    }
    for (String name : after.keySet()) {
      if (!before.containsKey(name)) {
        c.added.add(name);
      }
    }
    Map<String, RootOperation> rootsAfter = new LinkedHashMap<>();
    next.roots().forEach(r -> rootsAfter.put(r.name(), r));
    for (RootOperation b : base.roots()) {
      RootOperation n = rootsAfter.get(b.name());
      if (n == null || b.costNanoUsd().total() + n.costNanoUsd().total() + b.tokens().total() == 0) {
        continue;
      }
      c.add(b.name(), Measure.COST, b.costNanoUsd().mean(), n.costNanoUsd().mean(),
          Bootstrap.relativeChange(b.costNanoUsd().sample(), n.costNanoUsd().sample(), Bootstrap.Statistic.MEAN, 11),
          thresholds, 0);
      c.add(b.name(), Measure.TOKENS, b.tokens().mean(), n.tokens().mean(),
          Bootstrap.relativeChange(b.tokens().sample(), n.tokens().sample(), Bootstrap.Statistic.MEAN, 13),
          thresholds, 0);
    }
    return c;
  }

  private void add(String operation, Measure m, double base, double next, Bootstrap.Interval interval,
      Map<Measure, Double> thresholds, long minChange) {
    double threshold = thresholds.get(m);
    boolean bigEnough = Math.abs(next - base) >= minChange;
    boolean regression = interval != null && interval.low > 0 && interval.estimate > threshold && bigEnough;
    boolean improvement = interval != null && interval.high < 0 && interval.estimate < -threshold && bigEnough;
    changes.add(new Change(operation, m, base, next, interval, regression, improvement));
  }

  /** The regressions flagged on a gated measure, of the operations {@code only} matches (null: all). */
  List<Change> failures(Iterable<Measure> gated, Pattern only) {
    List<Change> out = new ArrayList<>();
    for (Change ch : changes) {
      if (ch.regression && contains(gated, ch.measure) && (only == null || only.matcher(ch.operation).find())) {
        out.add(ch);
      }
    }
    return out;
  }

  private static boolean contains(Iterable<Measure> measures, Measure m) {
    for (Measure x : measures) {
      if (x == m) {
        return true;
      }
    }
    return false;
  }

  public List<Change> changes() {
    return Collections.unmodifiableList(changes);
  }
}
