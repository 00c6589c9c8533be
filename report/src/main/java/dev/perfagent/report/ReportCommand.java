package dev.perfagent.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code report FILE|DIR...}: the terminal report of one run, or of all runs merged. */
public final class ReportCommand {
  public static final String SUMMARY = "report FILE|DIR...  breakdown, percentiles, tokens and cost, slowest, bottlenecks";

  static final String USAGE = String.join("\n",
      "usage: java -jar perf-agent.jar report FILE|DIR... [options]",
      "reads OTLP JSON lines (the agent's perf-agent-traces.jsonl, the Collector's file exporter output;",
      "a directory: its .jsonl and .json files) and reports the latest run found, or the one asked for:",
      "  --run ID        the run whose service.instance.id is ID or starts with ID",
      "  --all           all runs together",
      "  --by ATTRIBUTE  split each breakdown node by this span attribute (gen_ai.request.model, ...),",
      "                  and count the LLM calls' tokens and cost per value (an account, a tenant)",
      "  --slowest N     how many of the slowest root operations to show (default 5)",
      "  --json FILE     also write the report as JSON",
      "  --csv DIR       also write it as CSV files (breakdown, roots, models, findings, by value)",
      "  --html FILE     also write it as one HTML page with charts (self-contained: opens offline)",
      "  --help          this text",
      "exit code: 0 reported, 2 bad usage or no spans to report");

  private ReportCommand() {}

  public static int run(List<String> argList, PrintStream out, PrintStream err) {
    try {
      Args args = Args.parse(argList, Set.of("--all", "--help"), Set.of("--run", "--by", "--slowest", "--json", "--csv", "--html"));
      if (args.has("--help")) {
        out.println(USAGE);
        return Exit.OK;
      }
      if (args.positional.isEmpty()) {
        throw new Args.UsageError("name at least one FILE or DIR");
      }
      if (args.has("--all") && args.has("--run")) {
        throw new Args.UsageError("--run and --all exclude each other");
      }
      Analysis a = Analysis.read(args.positional, args.has("--all"), args.integer("--slowest", 5), args.get("--by"),
          err, Progress.terminal());
      problems(a.problems, err);
      List<RunInfo> runs = a.runs.inOrder();
      out.printf(Locale.ROOT, "perf-agent report: %s spans, %d run%s%n", Units.count(a.spans), runs.size(),
          runs.size() == 1 ? "" : "s");
      RunReport chosen = choose(a, args, out);
      if (chosen == null) {
        err.println("perf-agent report: no spans to report");
        return Exit.USAGE;
      }
      new TextReport(out).print(chosen);
      if (args.has("--json")) {
        try (Writer w = Files.newBufferedWriter(Paths.get(args.get("--json")), StandardCharsets.UTF_8)) {
          JsonReport.write(w, runs, chosen);
        }
        out.println();
        out.println("JSON written to " + args.get("--json"));
      }
      if (args.has("--csv")) {
        CsvReport.write(Paths.get(args.get("--csv")), chosen);
        out.println("CSV files written to " + args.get("--csv"));
      }
      if (args.has("--html")) {
        try (Writer w = Files.newBufferedWriter(Paths.get(args.get("--html")), StandardCharsets.UTF_8)) {
          HtmlReport.report(w, chosen);
        }
        out.println("HTML page written to " + args.get("--html"));
      }
      return Exit.OK;
    } catch (Args.UsageError e) {
      err.println("perf-agent report: " + e.getMessage());
      err.println("(java -jar perf-agent.jar report --help)");
      return Exit.USAGE;
    } catch (IOException e) {
      err.println("perf-agent report: " + e);
      return Exit.USAGE;
    }
  }

  private static RunReport choose(Analysis a, Args args, PrintStream out) throws Args.UsageError {
    List<RunInfo> runs = a.runs.inOrder();
    if (runs.isEmpty()) {
      return null;
    }
    RunInfo latest = runs.get(runs.size() - 1);
    String id = args.get("--run");
    RunInfo chosen = id == null ? latest : RunChoice.find(a.runs, id);
    for (RunInfo r : runs) {
      out.printf(Locale.ROOT, "  %s %-8s  %s  started %s  %s spans  %s%n",
          args.has("--all") || r == chosen ? "*" : " ", r.shortId(), r.service(),
          r.began(), Units.count(r.spans()), Units.duration(r.wallNanos() / 1000));
    }
    if (args.has("--all")) {
      out.println("reporting all " + runs.size() + " runs together");
      return a.merged;
    }
    if (id == null) {
      out.println(runs.size() == 1
          ? "reporting run " + latest.shortId()
          : "reporting the latest run, " + latest.shortId() + " (--run ID for another, --all for all together)");
    } else {
      out.println("reporting run " + chosen.shortId());
    }
    return a.reports.get(chosen.id());
  }

  static void problems(Problems problems, PrintStream err) {
    for (String p : problems.messages()) {
      err.println("perf-agent report: " + p);
    }
    if (problems.count() > problems.messages().size()) {
      err.println("perf-agent report: ... and " + (problems.count() - problems.messages().size()) + " more problems");
    }
  }
}
