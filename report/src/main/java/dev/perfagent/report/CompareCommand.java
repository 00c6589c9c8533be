package dev.perfagent.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code compare BASE NEW}: what changed between two runs, and a regression gate for CI. */
public final class CompareCommand {
  public static final String SUMMARY = "compare BASE NEW    changes between two runs; --fail-on makes it a CI gate";
  static final double DEFAULT_THRESHOLD = 0.10;
  static final long DEFAULT_MIN_CHANGE_MICROS = 1_000;

  static final String USAGE = String.join("\n",
      "usage: java -jar perf-agent.jar compare BASE NEW [options]",
      "BASE and NEW are files or directories of OTLP JSON lines (their latest run, or all with --all),",
      "or run ids (service.instance.id or its start) found in the files given with --in.",
      "per operation: the change of p50, p95, p99, mean and error rate, with a 95% confidence interval",
      "(bootstrap; Newcombe's interval for error rates); per root operation: cost and tokens. A change is",
      "flagged only when the interval excludes no change and it is beyond its threshold.",
      "  --in FILE|DIR        where to look for run ids (repeatable: --in a --in b)",
      "  --all                each side: all runs of its files together, not the latest",
      "  --fail-on SPEC       exit 1 when a measure regressed significantly beyond its threshold,",
      "                       e.g. p95=10%,cost=5%; measures: p50, p95, p99, mean, cost, tokens,",
      "                       errors (percentage points of error rate)",
      "  --only PATTERN       --fail-on looks only at operations whose name matches this regex",
      "  --threshold P%       the threshold of the measures --fail-on does not name (default 10%)",
      "  --min-change MS      ignore duration changes smaller than this many ms (default 1)",
      "  --html FILE          also write the comparison and the NEW run's report as one HTML page",
      "  --help               this text",
      "exit code: 0 no gated regression, 1 a gated regression, 2 bad usage or input");

  private CompareCommand() {}

  public static int run(List<String> argList, PrintStream out, PrintStream err) {
    try {
      Args args = Args.parse(argList, Set.of("--all", "--help"),
          Set.of("--in", "--fail-on", "--only", "--threshold", "--min-change", "--html"));
      if (args.has("--help")) {
        out.println(USAGE);
        return Exit.OK;
      }
      if (args.positional.size() != 2) {
        throw new Args.UsageError("name two runs, BASE and NEW (files, directories or run ids)");
      }
      Map<Comparison.Measure, Double> thresholds = new EnumMap<>(Comparison.Measure.class);
      double otherwise = args.has("--threshold") ? percent(args.get("--threshold"), "--threshold") : DEFAULT_THRESHOLD;
      for (Comparison.Measure m : Comparison.Measure.values()) {
        thresholds.put(m, otherwise);
      }
      List<Comparison.Measure> gated = new ArrayList<>();
      if (args.has("--fail-on")) {
        for (String item : args.get("--fail-on").split(",")) {
          String[] kv = item.trim().split("=", 2);
          Comparison.Measure m = Comparison.Measure.parse(kv[0].trim());
          if (m == null || kv.length != 2) {
            throw new Args.UsageError("--fail-on takes MEASURE=P%,...; '" + item.trim()
                + "' is not one (measures: p50, p95, p99, mean, cost, tokens, errors)");
          }
          thresholds.put(m, percent(kv[1].trim(), "--fail-on " + m.label()));
          gated.add(m);
        }
      }
      Pattern only = null;
      if (args.has("--only")) {
        try {
          only = Pattern.compile(args.get("--only"));
        } catch (PatternSyntaxException e) {
          throw new Args.UsageError("--only is not a regular expression: " + e.getDescription());
        }
      }
      long minChange = minChange(args);
      Side base = Side.resolve("BASE", args.positional.get(0), args, err);
      Side next = Side.resolve("NEW", args.positional.get(1), args, err);
      if (base == null || next == null) {
        return Exit.USAGE;
      }
      out.println("base: " + base.describe());
      out.println("new:  " + next.describe());
      Comparison c = Comparison.of(base.report, next.report, thresholds, minChange);
      new CompareText(out).print(c);
      if (args.has("--html")) {
        try (Writer w = Files.newBufferedWriter(Paths.get(args.get("--html")), StandardCharsets.UTF_8)) {
          HtmlReport.comparison(w, c, base.describe(), next.describe(), next.report);
        }
        out.println();
        out.println("HTML page written to " + args.get("--html"));
      }
      if (gated.isEmpty()) {
        return Exit.OK;
      }
      List<Comparison.Change> failures = c.failures(gated, only);
      out.println();
      if (failures.isEmpty()) {
        out.println("gate passed: no significant regression beyond --fail-on " + args.get("--fail-on")
            + (only == null ? "" : " (operations matching " + only + ")"));
        return Exit.OK;
      }
      out.println("gate FAILED: " + failures.size() + " significant regression" + (failures.size() == 1 ? "" : "s")
          + " beyond --fail-on " + args.get("--fail-on"));
      for (Comparison.Change f : failures) {
        out.printf(Locale.ROOT, "  %s %s %s%n", f.operation, f.measure.label(), CompareText.signed(f.interval.estimate, f.measure));
      }
      return Exit.REGRESSION;
    } catch (Args.UsageError e) {
      err.println("perf-agent compare: " + e.getMessage());
      err.println("(java -jar perf-agent.jar compare --help)");
      return Exit.USAGE;
    } catch (IOException e) {
      err.println("perf-agent compare: " + e);
      return Exit.USAGE;
    }
  }

  private static long minChange(Args args) throws Args.UsageError {
    if (!args.has("--min-change")) {
      return DEFAULT_MIN_CHANGE_MICROS;
    }
    try {
      double ms = Double.parseDouble(args.get("--min-change").replace("ms", ""));
      if (ms < 0) {
        throw new NumberFormatException();
      }
      return Math.round(ms * 1000);
    } catch (NumberFormatException e) {
      throw new Args.UsageError("--min-change takes milliseconds >= 0, not '" + args.get("--min-change") + "'");
    }
  }

  static double percent(String text, String what) throws Args.UsageError {
    String t = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
    try {
      double p = Double.parseDouble(t);
      if (p < 0 || Double.isNaN(p) || Double.isInfinite(p)) {
        throw new NumberFormatException();
      }
      return p / 100;
    } catch (NumberFormatException e) {
      throw new Args.UsageError(what + " takes a percentage such as 10%, not '" + text + "'");
    }
  }

  /** One side of the comparison: a run found in a file or directory, or by id. */
  private static final class Side {
    final RunReport report;
    final String from;

    private Side(RunReport report, String from) {
      this.report = report;
      this.from = from;
    }

    String describe() {
      RunInfo r = report.run();
      return from + ", run " + r.shortId() + " (" + Units.count(r.spans()) + " spans, " + report.traces() + " traces)";
    }

    static Side resolve(String which, String arg, Args args, PrintStream err) throws Args.UsageError {
      boolean path = Files.exists(Paths.get(arg));
      List<String> inputs = path ? List.of(arg) : args.has("--in") ? List.of(args.get("--in").split(",")) : List.of();
      if (inputs.isEmpty()) {
        throw new Args.UsageError(which + " '" + arg + "' is no file or directory; for a run id name the files with --in");
      }
      boolean all = path && args.has("--all");
      Analysis a = Analysis.read(inputs, all, 0, null, err, Progress.terminal());
      ReportCommand.problems(a.problems, err);
      List<RunInfo> runs = a.runs.inOrder();
      if (runs.isEmpty()) {
        err.println("perf-agent compare: " + which + ": no spans in " + String.join(", ", inputs));
        return null;
      }
      if (all) {
        return new Side(a.merged, arg + " (all " + runs.size() + " runs)");
      }
      RunInfo run = path ? runs.get(runs.size() - 1) : RunChoice.find(a.runs, arg);
      String from = path ? arg + (runs.size() > 1 ? " (latest of " + runs.size() + " runs)" : "") : String.join(", ", inputs);
      return new Side(a.reports.get(run.id()), from);
    }
  }
}
