package dev.perfagent.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The terminal report of one {@link RunReport}. */
final class TextReport {
  static final String NO_FINDINGS = "none (no cold start, pool miss, rate limit, serial calls or failing tool in the data)";

  private final PrintStream out;

  TextReport(PrintStream out) {
    this.out = out;
  }

  void print(RunReport r) {
    breakdown(r);
    endToEnd(r);
    llm(r);
    slowest(r);
    bottlenecks(r);
  }

  private void breakdown(RunReport r) {
    out.println();
    out.println("1. Breakdown (spans merged by name under their parents; self = time not in recorded children)");
    breakdownTable(r).print(out, "  ");
  }

  static Table breakdownTable(RunReport r) {
    Table t = new Table("operation", "count", "total", "self", "mean", "p50", "p95", "p99", "max", "errors", "err%");
    for (BreakdownNode root : r.breakdown().children()) {
      node(t, root, 0);
    }
    return t;
  }

  private static void node(Table t, BreakdownNode n, int depth) {
    Timing timing = n.timing();
    Distribution d = timing.durations();
    String indent = "  ".repeat(depth);
    if (timing.count() > 0) {
      t.row(indent + n.name(), Units.count(timing.count()), Units.duration(timing.totalMicros()),
          Units.duration(timing.selfMicros()), Units.duration(d.mean()), Units.duration(d.percentile(50)),
          Units.duration(d.percentile(95)), Units.duration(d.percentile(99)), Units.duration(d.max()),
          Units.count(timing.errors()), timing.errors() == 0 ? "" : Units.percent(timing.errorRate()));
    } else {
      t.row(indent + n.name(), "", "", "", "", "", "", "", "", "", "");
    }
    for (BreakdownNode.AggregateCount a : n.aggregates()) {
      t.row(indent + "  " + a.pointcut() + " (aggregate)", Units.count(a.count()), Units.duration(a.totalMillis() * 1000),
          "", a.count() == 0 ? "" : Units.duration(a.totalMillis() * 1000 / a.count()), "", "", "", "", "", "");
    }
    for (BreakdownNode c : n.children()) {
      node(t, c, depth + 1);
    }
  }

  private void endToEnd(RunReport r) {
    out.println();
    out.println("2. End to end, per root operation");
    print(endToEndTable(r), "no root spans (spans without a parent)");
  }

  static Table endToEndTable(RunReport r) {
    double seconds = r.run().wallNanos() / 1e9;
    Table t = new Table("root operation", "count", "per second", "mean", "p50", "p95", "p99", "max", "errors", "err%");
    for (RootOperation root : r.roots()) {
      Timing timing = root.timing();
      Distribution d = timing.durations();
      t.row(root.name(), Units.count(timing.count()),
          seconds <= 0 ? "" : String.format(Locale.ROOT, "%.2f", timing.count() / seconds),
          Units.duration(d.mean()), Units.duration(d.percentile(50)), Units.duration(d.percentile(95)),
          Units.duration(d.percentile(99)), Units.duration(d.max()), Units.count(timing.errors()),
          Units.percent(timing.errorRate()));
    }
    return t;
  }

  private void llm(RunReport r) {
    out.println();
    out.println("3. LLM calls per model (tokens as the provider reported them; cost as estimated by the agent)");
    print(modelsTable(r), "no LLM calls (spans with gen_ai.request.model)");
    Table byValue = byValueTable(r);
    if (byValue != null && !byValue.isEmpty()) {
      out.println();
      out.println("  LLM calls per " + r.by() + " (" + RunReport.NO_VALUE + ": calls without it)");
      byValue.print(out, "  ");
    }
    Table perRoot = perRootTable(r);
    if (!perRoot.isEmpty()) {
      out.println();
      perRoot.print(out, "  ");
    }
  }

  static Table modelsTable(RunReport r) {
    return usageTable("provider/model", r.models());
  }

  /** The LLM calls per value of {@code --by}'s attribute; null without {@code --by}. */
  static Table byValueTable(RunReport r) {
    return r.by() == null ? null : usageTable(r.by(), r.llmByValue());
  }

  private static Table usageTable(String what, Collection<ModelUsage> usages) {
    Table t = new Table(what, "calls", "errors", "input", "cached", "output", "reasoning", "cost",
        "p50", "p95", "first chunk p50", "p95", "output tok/s");
    TokenCounts sum = new TokenCounts();
    double cost = 0;
    long calls = 0;
    for (ModelUsage m : usages) {
      TokenCounts k = m.tokens();
      Distribution d = m.timing().durations();
      Distribution ttfc = m.firstChunkMicros();
      t.row(modelName(m), Units.count(m.timing().count()),
          Units.count(m.timing().errors()), Units.count(k.input()), Units.count(k.cached()), Units.count(k.output()),
          Units.count(k.reasoning()), Units.usd(m.costUsd()), Units.duration(d.percentile(50)),
          Units.duration(d.percentile(95)), ttfc.count() == 0 ? "-" : Units.duration(ttfc.percentile(50)),
          ttfc.count() == 0 ? "-" : Units.duration(ttfc.percentile(95)),
          String.format(Locale.ROOT, "%.0f", m.outputTokensPerSecond()));
      sum.add(k);
      cost += m.costUsd();
      calls += m.timing().count();
    }
    if (!t.isEmpty()) {
      t.row("total", Units.count(calls), "", Units.count(sum.input()), Units.count(sum.cached()),
          Units.count(sum.output()), Units.count(sum.reasoning()), Units.usd(cost), "", "", "", "", "");
    }
    return t;
  }

  static String modelName(ModelUsage m) {
    return (m.provider().isEmpty() ? "" : m.provider() + "/") + m.model();
  }

  static Table perRootTable(RunReport r) {
    Table perRoot = new Table("per root operation", "count", "input", "output", "tokens p50", "p95", "cost",
        "cost p50", "p95");
    for (RootOperation root : r.roots()) {
      if (root.tokens().total() == 0 && root.costNanoUsd().total() == 0) {
        continue;
      }
      perRoot.row(root.name(), Units.count(root.timing().count()), Units.count(root.tokenCounts().input()),
          Units.count(root.tokenCounts().output()), Units.count(root.tokens().percentile(50)),
          Units.count(root.tokens().percentile(95)), Units.usd(root.costNanoUsd().total() / 1e9),
          Units.usd(root.costNanoUsd().percentile(50) / 1e9), Units.usd(root.costNanoUsd().percentile(95) / 1e9));
    }
    return perRoot;
  }

  private void slowest(RunReport r) {
    List<SlowTrace> slow = r.slowest();
    out.println();
    out.println("4. Slowest " + slow.size() + " root operations, with their critical path"
        + " (what each waited on; self = time on the path in the span itself)");
    for (SlowTrace s : slow) {
      out.printf(Locale.ROOT, "  %s  %s  trace %s  started %s%s%n", Units.duration(s.durationMicros()), s.rootName(),
          s.traceId(), s.start(), s.error() ? "  ERROR" : "");
      List<SlowTrace.PathStep> path = s.criticalPath();
      boolean[] shown = significantSteps(path, s.durationMicros() / 100);
      Table t = new Table("", "start", "duration", "self");
      int hidden = 0;
      for (int i = 0; i < path.size(); i++) {
        SlowTrace.PathStep step = path.get(i);
        if (!shown[i]) {
          hidden++;
          continue;
        }
        t.row("  ".repeat(step.depth()) + step.name(), "+" + Units.duration(step.offsetMicros()),
            Units.duration(step.durationMicros()), Units.duration(step.selfMicros()));
      }
      t.print(out, "    ");
      if (hidden > 0) {
        out.println("    (" + hidden + " steps of less than 1% of the operation not shown; --json has them all)");
      }
    }
  }

  /**
   * The steps with at least {@code minSelf} of self time, and the steps above them (a path is in
   * depth-first order, so a step's descendants follow it until a step no deeper).
   */
  static boolean[] significantSteps(List<SlowTrace.PathStep> path, long minSelf) {
    boolean[] shown = new boolean[path.size()];
    for (int i = path.size() - 1; i >= 0; i--) {
      shown[i] = path.get(i).selfMicros() >= minSelf || i == 0;
      for (int j = i + 1; j < path.size() && path.get(j).depth() > path.get(i).depth() && !shown[i]; j++) {
        shown[i] = shown[j];
      }
    }
    return shown;
  }

  private void bottlenecks(RunReport r) {
    out.println();
    out.println("5. Bottlenecks (self time on the root operations' critical paths)");
    print(bottlenecksTable(r), "no root operations");
    List<Finding> findings = r.findings();
    out.println();
    out.println(findings.isEmpty() ? "  findings: " + NO_FINDINGS : "  findings:");
    for (Finding f : findings) {
      out.println("  - " + f.message());
    }
  }

  static Table bottlenecksTable(RunReport r) {
    long rootTotal = 0;
    for (RootOperation root : r.roots()) {
      rootTotal += root.timing().totalMicros();
    }
    List<OperationStats> ranked = new ArrayList<>(r.operations());
    ranked.removeIf(op -> op.criticalMicros() == 0);
    ranked.sort(Comparator.comparingLong(OperationStats::criticalMicros).reversed());
    Table t = new Table("operation", "on critical path", "share", "calls", "mean");
    for (OperationStats op : ranked.subList(0, Math.min(10, ranked.size()))) {
      t.row(op.name(), Units.duration(op.criticalMicros()),
          rootTotal == 0 ? "" : Units.percent((double) op.criticalMicros() / rootTotal),
          Units.count(op.timing().count()), Units.duration(op.timing().durations().mean()));
    }
    return t;
  }

  private void print(Table t, String whenEmpty) {
    if (t.isEmpty()) {
      out.println("  " + whenEmpty);
    } else {
      t.print(out, "  ");
    }
  }
}
