package dev.perfagent.report;

import java.io.PrintStream;
import java.util.Locale;

/** The terminal form of a {@link Comparison}. */
final class CompareText {
  static final String HEADING =
      "per operation (95% confidence interval of the change; flagged only when significant and beyond the threshold)";

  private final PrintStream out;

  CompareText(PrintStream out) {
    this.out = out;
  }

  void print(Comparison c) {
    out.println();
    out.println(HEADING);
    table(c).print(out, "  ");
    if (!c.added.isEmpty()) {
      out.println();
      out.println("new operations (only in NEW): " + String.join(", ", c.added));
    }
    if (!c.vanished.isEmpty()) {
      out.println();
      out.println("vanished operations (only in BASE): " + String.join(", ", c.vanished));
    }
    out.println();
    out.println(summary(c));
  }

  static String summary(Comparison c) {
    long regressions = c.changes.stream().filter(ch -> ch.regression).count();
    long improvements = c.changes.stream().filter(ch -> ch.improvement).count();
    return regressions + " regression" + (regressions == 1 ? "" : "s") + ", " + improvements + " improvement"
        + (improvements == 1 ? "" : "s") + " flagged";
  }

  static Table table(Comparison c) {
    Table t = new Table("operation", "measure", "base", "new", "change", "95% interval", "verdict");
    for (Comparison.Change ch : c.changes) {
      if (ch.measure == Comparison.Measure.ERRORS && ch.base == 0 && ch.next == 0) {
        continue; // no errors on either side: nothing to say
      }
      t.row(ch.operation, ch.measure.label(), value(ch.base, ch.measure), value(ch.next, ch.measure),
          ch.interval == null ? "" : signed(ch.interval.estimate, ch.measure),
          interval(ch), verdict(ch));
    }
    return t;
  }

  static String interval(Comparison.Change ch) {
    return ch.interval == null ? "too few calls"
        : "[" + signed(ch.interval.low, ch.measure) + ", " + signed(ch.interval.high, ch.measure) + "]";
  }

  static String verdict(Comparison.Change ch) {
    return ch.regression ? "REGRESSION" : ch.improvement ? "improvement" : "";
  }

  static String value(double v, Comparison.Measure m) {
    switch (m) {
      case COST: return Units.usd(v / 1e9);
      case TOKENS: return String.format(Locale.ROOT, "%.0f", v);
      case ERRORS: return Units.percent(v);
      default: return Units.duration(v);
    }
  }

  static String signed(double change, Comparison.Measure m) {
    if (Double.isInfinite(change)) {
      return change > 0 ? "+inf" : "-inf";
    }
    return m == Comparison.Measure.ERRORS
        ? String.format(Locale.ROOT, "%+.1f pts", change * 100)
        : String.format(Locale.ROOT, "%+.0f%%", change * 100);
  }
}
