package dev.perfagent.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the raw results bench/run.sh wrote (JMH CSV and logs, {@code /usr/bin/time} outputs, the
 * applications' own output, the receiver's counters) and prints the one markdown table: every agent
 * against no agent and perf-agent against the other two, with the targets (issue 11's, stricter than issue 3's) met or missed.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.perfagent.bench.Report bench/target/results}
 */
public final class Report {
  static final String[] AGENTS = {"none", "perf", "otel", "elastic"};
  /** bench/run.sh's sections, in its order; meta.txt's {@code sections} names those that ran. */
  private static final String ALL_SECTIONS = "jmh,process,startup,export,export-cpu,throughput";
  /** A paced export step keeps up when its last span reaches the receiver within this of the last call. */
  private static final long KEPT_UP_MILLIS = 1000;
  private static final Pattern SUMMARY =
      Pattern.compile(
          "perf-agent: (\\d+) spans recorded, (\\d+) exported, (\\d+) dropped \\((\\d+) buffer full, (\\d+) export failed");
  /**
   * The test-app's summary: the whole run's rate, and the second half's (its steady state) with the
   * process's CPU time per conversation meanwhile.
   */
  private static final Pattern CONVERSATIONS =
      Pattern.compile("conversations\\s*:\\s*(\\d+) in ([0-9.]+) s \\(([0-9.]+) conv/s\\)"
          + "(?:.*second half ([0-9.]+) conv/s)?(?:, ([0-9.]+) ms CPU/conv)?");

  private final Path dir;
  private final Map<String, String> meta;
  private final Map<String, Map<String, double[]>> jmh = new HashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> verdicts = new ArrayList<>();
  private final List<String> jmhDrops = new ArrayList<>();

  private Report(Path dir) throws IOException {
    this.dir = dir;
    this.meta = keyValues(dir.resolve("meta.txt"));
  }

  public static void main(String[] args) throws IOException {
    Path dir = Paths.get(args.length > 0 ? args[0] : "bench/target/results");
    java.io.PrintStream out = new java.io.PrintStream(
        new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    out.print(new Report(dir).render());
    out.flush();
  }

  private String render() throws IOException {
    List<String> sections = Arrays.asList(meta.getOrDefault("sections", ALL_SECTIONS).split(","));
    if (sections.contains("jmh")) {
      for (String a : AGENTS) {
        jmh.put(a, readJmhCsv(dir.resolve("jmh/" + a + ".csv")));
        jmh.put(a + "-otlp", readJmhCsv(dir.resolve("jmh/" + a + "-otlp.csv")));
      }
      perCallRows();
      if (!jmhDrops.isEmpty()) {
        notes.add("Share of perf-agent's spans dropped because its buffer was full during the JMH measurement "
            + "iterations (read from its counters; the per-call figures time the recording path only where this is ~0): "
            + String.join(", ", jmhDrops) + ".");
      }
    }
    jarRow();
    if (sections.contains("process")) {
      processRows();
    }
    if (sections.contains("startup")) {
      startupRows();
    }
    if (sections.contains("export")) {
      exportRows();
    }
    if (sections.contains("export-cpu")) {
      exportCpuRows();
    }
    if (sections.contains("throughput")) {
      throughputRows();
    }

    StringBuilder out = new StringBuilder();
    String otelName = "OpenTelemetry agent " + meta.getOrDefault("otel_version", "?");
    String elasticName = "Elastic APM agent " + meta.getOrDefault("elastic_version", "?");
    out.append("| measure | no agent | perf-agent | ").append(otelName).append(" | ").append(elasticName)
        .append(" | OTel ÷ perf-agent | Elastic ÷ perf-agent | target (issue 11) |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    for (String[] r : rows) {
      out.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    out.append('\n');
    out.append("Run: ").append(meta.getOrDefault("mode", "?")).append(" mode, ")
        .append(meta.getOrDefault("date", "?")).append(", ").append(meta.getOrDefault("nproc", "?"))
        .append(" cores, ").append(meta.getOrDefault("cpu", "?")).append(", ")
        .append(meta.getOrDefault("jdk", "?")).append(", commit ").append(meta.getOrDefault("commit", "?"))
        .append(". Sections: ").append(meta.getOrDefault("sections", ALL_SECTIONS))
        .append(". JMH ").append(meta.getOrDefault("jmh_opts", "?")).append("; whole-process figures: median of ")
        .append(meta.getOrDefault("runs", "?")).append(" runs (start-up without config: ")
        .append(meta.getOrDefault("startup_runs", "?")).append("; throughput: ")
        .append(meta.getOrDefault("throughput_runs", "?")).append(").\n\n");
    out.append("Targets: ").append(verdicts.stream().filter(v -> v.contains("**met**")).count()).append(" met, ")
        .append(verdicts.stream().filter(v -> v.contains("**missed**")).count()).append(" missed, ")
        .append(verdicts.stream().filter(v -> v.contains("not measured")).count()).append(" not measured.\n\n");
    out.append("Notes:\n");
    if (sections.contains("jmh")) {
      out.append("- Per-call rows: JMH average time per op and `-prof gc` `gc.alloc.rate.norm` (B/op); the figure in ")
          .append("brackets is the cost the agent adds over the same benchmark without an agent; the ÷ columns divide ")
          .append("those added costs. All three agents export nowhere in these rows (`otel.traces.exporter=none` and ")
          .append("`otel.metrics.exporter=none` for perf-agent and OpenTelemetry, `disable_send=true` for Elastic), ")
          .append("except in the OTLP row. Only perf-agent captures attributes, aggregates or skips short calls: the ")
          .append("other two make one plain span per call in every row.\n");
    }
    if (sections.contains("process") || sections.contains("startup")) {
      out.append("- Whole-process rows: every agent exports to the local receiver (OTLP/HTTP protobuf; Elastic to its ")
          .append("APM intake emulation) and keeps its default instrumentation on; ÷ columns divide the absolute ")
          .append("figures; (+x) is the difference to no agent. In the no-config start-up rows perf-agent has no ")
          .append("config file (its presets alone, nothing to record in the small app, the file its default ")
          .append("destination) and the other two agents trace no method of ours (their defaults).\n");
    }
    for (String n : notes) {
      out.append("- ").append(n).append('\n');
    }
    out.append("\nTarget verdicts:\n");
    for (String v : verdicts) {
      out.append("- ").append(v).append('\n');
    }
    return out.toString();
  }

  // ------------------------------------------------------------------ per call (JMH)

  private void perCallRows() throws IOException {
    Map<String, Map<String, Long>> stats = perfAgentStats(dir.resolve("jmh/perf.log"));
    double floor = score("none", "clockFloor");
    rows.add(new String[] {"two `System.nanoTime()` reads (the clock floor)", ns(floor), "", "", "", "", "", ""});
    jmhRow("uninstrumented call (baseline)", "baseline", "", null);
    jmhRow("span, 0 captured attributes", "span0", "", stats);

    double span2 = added("perf", "span2");
    double otel2 = added("otel", "span2");
    String t2 = verdict(span2 <= 80, "span mode, 2 attributes: ≤ 80 ns added per call", fmt(span2, 1) + " ns added")
        + "; " + verdict(otel2 / span2 >= 5, "≥ 5× below the OpenTelemetry agent (same run)",
            "×" + fmt(otel2 / span2, 1));
    jmhRow("span, 2 captured attributes", "span2", t2, stats);

    double maxAlloc = Stream.of("span0", "span2", "span5")
        .mapToDouble(b -> alloc("perf", b)).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    String t5 = verdict(maxAlloc <= 64, "span mode: ≤ 64 B/op allocated on the app thread",
        "at most " + fmt(maxAlloc, 1) + " B/op over the span rows");
    jmhRow("span, 5 captured attributes", "span5", t5, stats);
    jmhRow("3 nested spans (one op = 3 calls)", "nested3", "", stats);
    jmhRow("aggregate mode, no enclosing span", "aggregate", "", stats);

    double agg = added("perf", "aggregateInSpan");
    double aggAlloc = alloc("perf", "aggregateInSpan");
    String ta = verdict(agg <= 1.2 * floor, "aggregate: ≤ 1.2× two nanoTime reads (" + fmt(1.2 * floor, 1) + " ns)",
            fmt(agg, 1) + " ns added = " + fmt(agg / floor, 2) + "× the floor")
        + "; " + verdict(aggAlloc < 0.5, "aggregate: 0 B/op", fmt(aggAlloc, 2) + " B/op");
    jmhRow("aggregate mode inside a span (per call; includes 1/100 of the parent span)", "aggregateInSpan", ta, stats);
    jmhRow("span shorter than `min-duration: 1ms` (no span made)", "belowMinDuration", "", stats);
    jmhRow("span ending when the returned future completes (completed already)", "asyncSpan", "", stats);
    jmhRow("span + child run through `CompletableFuture.supplyAsync` (one op = 2 spans)", "executorHop", "", stats);
    jmhRow("span capturing a 256-char `StringBuilder` (frozen to a String)", "frozenText", "", stats);

    // span2 while exporting over OTLP to the local receiver
    String[] r = new String[8];
    r[0] = "span, 2 attributes, exporting to the local receiver (OTLP/HTTP; Elastic: APM intake)";
    r[1] = cell("none", "span2", false);
    Map<String, Map<String, Long>> otlpStats = perfAgentStats(dir.resolve("jmh/perf-otlp.log"));
    r[2] = otlpCell("perf") + dropNote("span2", otlpStats.get("span2"));
    r[3] = otlpCell("otel");
    r[4] = otlpCell("elastic");
    r[5] = ratio(addedOtlp("otel"), addedOtlp("perf"));
    r[6] = ratio(addedOtlp("elastic"), addedOtlp("perf"));
    r[7] = "";
    rows.add(r);
  }

  private void jmhRow(String label, String bench, String target, Map<String, Map<String, Long>> stats) {
    String[] r = new String[8];
    r[0] = label;
    r[1] = cell("none", bench, false);
    r[2] = cell("perf", bench, true) + (stats == null ? "" : dropNote(bench, stats.get(bench)));
    r[3] = cell("otel", bench, true);
    r[4] = cell("elastic", bench, true);
    r[5] = ratio(added("otel", bench), added("perf", bench));
    r[6] = ratio(added("elastic", bench), added("perf", bench));
    r[7] = target;
    rows.add(r);
  }

  /** Spans perf-agent makes per benchmark invocation. */
  private static int spansPerInvocation(String bench) {
    switch (bench) {
      case "span0": case "span2": case "span5": case "aggregateInSpan": case "asyncSpan": case "frozenText":
        return 1;
      case "executorHop": return 2;
      case "nested3": return 3;
      default: return 0;
    }
  }

  private String dropNote(String bench, Map<String, Long> s) {
    if (s == null) {
      return "";
    }
    long spans = s.getOrDefault("invocations", 0L) * spansPerInvocation(bench);
    long dropped = s.getOrDefault("dropped", 0L);
    if (spans == 0) {
      return "";
    }
    double share = 100.0 * dropped / spans;
    jmhDrops.add(bench + " " + fmt(share, 2) + "%");
    return share >= 0.05 ? " ⚠ " + fmt(share, 1) + "% of spans dropped (buffer full)" : "";
  }

  private String cell(String agent, String bench, boolean withAdded) {
    double s = score(agent, bench);
    if (Double.isNaN(s)) {
      return "n/a";
    }
    String c = ns(s);
    if (withAdded) {
      double a = added(agent, bench);
      c += " (" + (a >= 0 ? "+" : "") + fmt(a, 1) + ")";
    }
    double b = alloc(agent, bench);
    if (!Double.isNaN(b)) {
      c += " · " + bytes(b);
    }
    return c;
  }

  private String otlpCell(String agent) {
    double s = get(agent + "-otlp", "span2", 0);
    if (Double.isNaN(s)) {
      return "n/a";
    }
    double a = addedOtlp(agent);
    String c = ns(s) + " (" + (a >= 0 ? "+" : "") + fmt(a, 1) + ")";
    double b = get(agent + "-otlp", "span2", 1);
    return Double.isNaN(b) ? c : c + " · " + bytes(b);
  }

  private double addedOtlp(String agent) {
    return get(agent + "-otlp", "span2", 0) - score("none", "span2");
  }

  private double score(String agent, String bench) {
    return get(agent, bench, 0);
  }

  private double alloc(String agent, String bench) {
    return get(agent, bench, 1);
  }

  private double added(String agent, String bench) {
    return score(agent, bench) - score("none", bench);
  }

  private double get(String key, String bench, int index) {
    Map<String, double[]> m = jmh.get(key);
    if (m == null || !m.containsKey(bench)) {
      return Double.NaN;
    }
    return m.get(bench)[index];
  }

  /** bench -> {score ns/op, gc.alloc.rate.norm B/op}. */
  static Map<String, double[]> readJmhCsv(Path csv) throws IOException {
    Map<String, double[]> result = new LinkedHashMap<>();
    if (!Files.isRegularFile(csv)) {
      return result;
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      List<String> f = csvFields(line);
      if (f.size() < 7) {
        continue;
      }
      String name = f.get(0);
      String metric = null;
      int colon = name.indexOf(':');
      if (colon >= 0) {
        metric = name.substring(colon + 1).replace("·", "");
        name = name.substring(0, colon);
      }
      String bench = name.substring(name.lastIndexOf('.') + 1);
      double value = parse(f.get(4));
      double[] v = result.computeIfAbsent(bench, k -> new double[] {Double.NaN, Double.NaN});
      if (metric == null) {
        v[0] = value;
      } else if (metric.equals("gc.alloc.rate.norm")) {
        v[1] = value;
      }
    }
    return result;
  }

  private static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    fields.add(cur.toString());
    return fields;
  }

  /** The {@code perf-agent-stats:} lines CallCost prints under perf-agent: bench -> counters. */
  static Map<String, Map<String, Long>> perfAgentStats(Path log) throws IOException {
    Map<String, Map<String, Long>> result = new HashMap<>();
    if (!Files.isRegularFile(log)) {
      return result;
    }
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      int at = line.indexOf("perf-agent-stats:");
      if (at < 0) {
        continue;
      }
      Map<String, String> kv = tokens(line.substring(at + "perf-agent-stats:".length()));
      String bench = kv.getOrDefault("benchmark", "");
      bench = bench.substring(bench.lastIndexOf('.') + 1);
      Map<String, Long> m = new HashMap<>();
      kv.forEach((k, v) -> {
        if (!k.equals("benchmark")) {
          m.put(k, Long.parseLong(v));
        }
      });
      result.put(bench, m);
    }
    return result;
  }

  // ------------------------------------------------------------------ whole process

  private void jarRow() throws IOException {
    Map<String, String> sizes = keyValues(dir.resolve("sizes.txt"));
    String[] jar = new String[8];
    jar[0] = "agent jar";
    jar[1] = "-";
    double perfJar = parse(sizes.get("perf"));
    jar[2] = mb(perfJar);
    jar[3] = mb(parse(sizes.get("otel")));
    jar[4] = mb(parse(sizes.get("elastic")));
    jar[5] = ratio(parse(sizes.get("otel")), perfJar);
    jar[6] = ratio(parse(sizes.get("elastic")), perfJar);
    jar[7] = verdict(perfJar <= 6_000_000, "perf-agent.jar ≤ 6 MB", mb(perfJar));
    rows.add(jar);
  }

  private void processRows() throws IOException {
    String smallCalls = meta.getOrDefault("small_app_calls", "1000");
    processRow("small app (" + smallCalls + " calls)", "small-app", null);
    smallAppPhases("small-app", "Small app");
    processRow("test-app (" + meta.getOrDefault("test_app_args", "") + ")", "test-app",
        new Limits("test-app start-up and run (its config, default presets)", 0.300, 0.5, 40));
  }

  /** Issue 11 target 1's second half: the agent attached with no config file to an app with no LLM library. */
  private void startupRows() throws IOException {
    String smallCalls = meta.getOrDefault("small_app_calls", "1000");
    processRow("start-up with no config file, no LLM library: small app (" + smallCalls + " calls)", "startup",
        new Limits("start-up with no config file and no LLM library (small app)", 0.150, Double.NaN, 20));
    smallAppPhases("startup", "Small app with no config");
  }

  /**
   * Issue 11's limits on what perf-agent adds over no agent to a whole process; NaN where there is none.
   *
   * @param what how the verdicts name the run
   */
  record Limits(String what, double wallSeconds, double cpuSeconds, double rssMiB) {
    double limit(int measure) {
      return measure == 0 ? wallSeconds : measure == 1 ? cpuSeconds : rssMiB;
    }

    String target(int measure) {
      switch (measure) {
        case 0: return what + ": ≤ +" + fmt(wallSeconds * 1000, 0) + " ms wall";
        case 1: return what + ": ≤ +" + fmt(cpuSeconds, 1) + " s CPU";
        default: return what + ": ≤ +" + fmt(rssMiB, 0) + " MiB peak RSS";
      }
    }
  }

  private void processRow(String label, String scenario, Limits limits) throws IOException {
    Map<String, double[]> medians = new HashMap<>(); // agent -> wall s, cpu s, rss MiB
    for (String a : AGENTS) {
      List<Map<String, String>> runs = runs(dir.resolve("proc/" + scenario), a);
      medians.put(a, new double[] {
          median(runs, m -> parse(m.get("wall_ns")) / 1e9),
          median(runs, m -> parse(m.get("user_s")) + parse(m.get("sys_s"))),
          median(runs, m -> parse(m.get("maxrss_kb")) / 1024.0)});
      long failed = runs.stream().filter(m -> !"0".equals(m.get("exit"))).count();
      if (failed > 0) {
        notes.add(scenario + " under " + a + ": " + failed + " of " + runs.size() + " runs exited non-zero (see "
            + dir.resolve("proc/" + scenario) + ")");
      }
    }
    List<String> received = new ArrayList<>();
    for (String a : new String[] {"perf", "otel", "elastic"}) {
      Map<String, String> recv = keyValues(dir.resolve("proc/" + scenario + "/" + a + "-1.recv"));
      if (!recv.isEmpty()) {
        double spans = parse(recv.get("otlp_spans")) + parse(recv.get("apm_spans")) + parse(recv.get("apm_transactions"));
        received.add(a + " " + fmt(spans, 0));
      }
    }
    if (!received.isEmpty()) {
      notes.add(label + ": spans (Elastic: spans + transactions) the receiver got in the first run: "
          + String.join(", ", received) + ".");
    }
    String[] what = {"wall time", "CPU time (user+sys)", "peak RSS"};
    String[] unit = {"s", "s", "MiB"};
    int[] digits = {2, 2, 0};
    for (int i = 0; i < 3; i++) {
      String[] r = new String[8];
      r[0] = label + ": " + what[i];
      double base = medians.get("none")[i];
      r[1] = fmt(base, digits[i]) + " " + unit[i];
      for (int k = 1; k < 4; k++) {
        double v = medians.get(AGENTS[k])[i];
        r[k + 1] = Double.isNaN(v) ? "n/a"
            : fmt(v, digits[i]) + " " + unit[i] + " (" + signed(v - base, digits[i]) + ")";
      }
      double perf = medians.get("perf")[i];
      r[5] = ratio(medians.get("otel")[i], perf);
      r[6] = ratio(medians.get("elastic")[i], perf);
      r[7] = "";
      if (limits != null && !Double.isNaN(limits.limit(i))) {
        double d = perf - base;
        String measured = i == 0 ? signed(d * 1000, 0) + " ms" : i == 1 ? signed(d, 2) + " s" : signed(d, 0) + " MiB";
        r[7] = verdict(d <= limits.limit(i), limits.target(i), measured);
      }
      rows.add(r);
    }
  }

  /** Where the small app's extra wall time goes: before main() (premain) and after it (exit work). */
  private void smallAppPhases(String scenario, String label) throws IOException {
    List<String> parts = new ArrayList<>();
    for (String a : AGENTS) {
      List<Double> before = new ArrayList<>();
      List<Double> after = new ArrayList<>();
      Path d = dir.resolve("proc/" + scenario);
      for (int i = 1; i <= 99; i++) {
        Path out = d.resolve(a + "-" + i + ".out");
        if (!Files.isRegularFile(out)) {
          break;
        }
        Map<String, String> line = loadLine(out, "small-app:");
        Map<String, String> time = keyValues(d.resolve(a + "-" + i + ".time"));
        double started = parse(line.get("main_started_after_ms"));
        double ended = parse(line.get("main_end_epoch_ms"));
        double gone = parse(time.get("end_epoch_ms"));
        if (!Double.isNaN(started)) {
          before.add(started);
        }
        if (!Double.isNaN(ended) && !Double.isNaN(gone)) {
          after.add(gone - ended);
        }
      }
      if (!before.isEmpty()) {
        parts.add(String.format(Locale.ROOT, "%s %s ms before main() / %s ms from the end of main() to exit",
            a, fmt(medianOf(before), 0), fmt(medianOf(after), 0)));
      }
    }
    if (!parts.isEmpty()) {
      notes.add(label + ", where the wall time goes (medians; JVM start to main() includes premain; the JVM's own "
          + "start time has a 10 ms resolution): " + String.join("; ", parts) + ".");
    }
  }

  private static List<Map<String, String>> runs(Path scenarioDir, String agent) throws IOException {
    List<Map<String, String>> result = new ArrayList<>();
    if (!Files.isDirectory(scenarioDir)) {
      return result;
    }
    try (Stream<Path> files = Files.list(scenarioDir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().matches(agent + "-\\d+\\.time"))
          .sorted().collect(Collectors.toList())) {
        result.add(keyValues(p));
      }
    }
    return result;
  }

  // ------------------------------------------------------------------ export

  private void exportRows() throws IOException {
    Path exportDir = dir.resolve("export");
    // paced runs: the highest rate with zero drops and every span received
    double best = Double.NaN;
    String bestDetail = "";
    List<String> tried = new ArrayList<>();
    if (Files.isDirectory(exportDir)) {
      List<Path> paced;
      try (Stream<Path> files = Files.list(exportDir)) {
        paced = files.filter(f -> f.getFileName().toString().matches("paced-\\d+\\.out")).collect(Collectors.toList());
      }
      paced.sort((x, y) -> Long.compare(rateOf(x), rateOf(y)));
      for (Path out : paced) {
        String base = out.getFileName().toString().replace(".out", "");
        Map<String, String> load = loadLine(out);
        long[] summary = summary(exportDir.resolve(base + ".err"));
        Map<String, String> recv = keyValues(exportDir.resolve(base + ".recv"));
        long calls = (long) parse(load.get("calls_total"));
        double achieved = parse(load.get("calls_per_s"));
        long target = rateOf(out);
        long received = (long) parse(recv.get("otlp_spans"));
        boolean held = achieved >= 0.99 * target;
        // kept up: the last span reached the receiver within a second of the last call, not from a
        // backlog exported at exit
        long lagMillis = (long) parse(recv.get("last_span_ms")) - (long) parse(load.get("ended_ms"));
        boolean keptUp = lagMillis <= KEPT_UP_MILLIS;
        boolean ok = summary != null && summary[2] == 0 && received == calls && held && keptUp;
        double reqs = parse(recv.get("otlp_trace_requests"));
        double wait = reqs > 0 ? parse(recv.get("body_read_nanos")) / reqs / 1e6 : Double.NaN;
        tried.add(String.format(Locale.ROOT,
            "%,d/s: %s%s (%,d calls, %,d received, %s; last span received %,d ms after the last call%s;"
                + " receiver waited %s ms per request for the body)",
            target, ok ? "ok" : "FAILED",
            summary == null ? "" : String.format(Locale.ROOT, ", %,d dropped (%,d buffer full)", summary[2], summary[3]),
            calls, received, (held ? "rate held: " : "rate NOT held: ") + fmt(achieved, 0) + "/s",
            lagMillis, keptUp ? "" : ", NOT kept up", fmt(wait, 1)));
        if (ok && (Double.isNaN(best) || target > best)) {
          best = target;
          bestDetail = String.format(Locale.ROOT,
              "%,.0f spans in %s s = %,.0f/s after a 2 s warm-up, 0 dropped, all received",
              parse(load.get("calls")), load.getOrDefault("seconds", "?"), achieved);
        }
      }
    }
    String[] r = new String[8];
    r[0] = "export: spans/s sustained into the local OTLP receiver with zero drops";
    r[1] = "-";
    r[2] = Double.isNaN(best) ? "none of the rates tried" : String.format(Locale.ROOT, "%,.0f/s (%s)", best, bestDetail);
    r[3] = "not measured";
    r[4] = "not measured";
    r[5] = "";
    r[6] = "";
    r[7] = verdict(!Double.isNaN(best) && best >= 400_000, "export: ≥ 400,000 spans/s without drops",
        Double.isNaN(best) ? "no rate tried passed" : String.format(Locale.ROOT, "%,.0f/s", best));
    rows.add(r);
    if (!tried.isEmpty()) {
      notes.add("Export, paced span load (1 thread, perf-agent default buffer, OTLP/HTTP protobuf to the local "
          + "receiver; a step passes with 0 dropped, every span received, the offered rate held within 1% and the"
          + " last span received within " + KEPT_UP_MILLIS + " ms of the last call, so that no backlog exported"
          + " at exit passes for keeping up): "
          + String.join("; ", tried) + ".");
    }
    Path cold = exportDir.resolve("cold-100000.out");
    if (Files.isRegularFile(cold)) {
      Map<String, String> load = loadLine(cold);
      long[] s = summary(exportDir.resolve("cold-100000.err"));
      if (s != null && s[0] > 0) {
        notes.add(String.format(Locale.ROOT,
            "Export from a cold start (100,000 spans/s from the first call, no warm-up, %s s): %,d spans, %,d exported, "
                + "%,d dropped (%.1f%%; %,d of them because the buffer was full).",
            load.getOrDefault("seconds", "?"), s[0], s[1], s[2], 100.0 * s[2] / s[0], s[3]));
      }
    }
    Map<String, String> check = loadLine(exportDir.resolve("receiver-check.out"), "receiver-check:");
    if (!check.isEmpty()) {
      notes.add(String.format(Locale.ROOT,
          "Receiver ceiling: a plain JDK HttpClient posting the same kind of 1,024-span OTLP requests (one in flight) "
              + "gets %,.0f spans/s counted by the receiver, so the receiver is not what limits the export rows.",
          parse(check.get("spans_per_s"))));
    }

    // flood: producers outrun the exporter
    String[] f = new String[8];
    f[0] = "producers outrun the exporter: app calls/s (" + meta.getOrDefault("flood_desc", "") + ")";
    double[] rate = new double[4];
    for (int k = 0; k < 4; k++) {
      String a = AGENTS[k];
      Path out = exportDir.resolve("flood-" + a + ".out");
      Map<String, String> load = loadLine(out);
      rate[k] = parse(load.get("calls_per_s"));
      String c = Double.isNaN(rate[k]) ? "n/a" : String.format(Locale.ROOT, "%,.0f/s", rate[k]);
      if (k > 0 && !Double.isNaN(rate[k]) && !Double.isNaN(rate[0])) {
        c += " (" + fmt(100 * rate[k] / rate[0], 1) + "%)";
      }
      if (a.equals("perf")) {
        long[] s = summary(exportDir.resolve("flood-perf.err"));
        if (s != null) {
          c += String.format(Locale.ROOT, "; %,d spans, %,d exported, %,d dropped (%,d buffer full)", s[0], s[1], s[2], s[3]);
        }
      } else if (k > 1) {
        Map<String, String> recv = keyValues(exportDir.resolve("flood-" + a + ".recv"));
        double got = a.equals("otel") ? parse(recv.get("otlp_spans"))
            : parse(recv.get("apm_spans")) + parse(recv.get("apm_transactions"));
        if (!Double.isNaN(got)) {
          c += String.format(Locale.ROOT, "; %,.0f received", got);
        }
      }
      f[k + 1] = c;
    }
    f[5] = ratio(rate[2], rate[1]);
    f[6] = ratio(rate[3], rate[1]);
    f[7] = "";
    rows.add(f);
  }

  /** Issue 11 target 3: what bench/export-cpu.sh measured, one row per destination. */
  private void exportCpuRows() throws IOException {
    Path cpuDir = dir.resolve("export-cpu");
    List<String> byThread = new ArrayList<>();
    String[][] dests = {{"file", "to the local file (JSON lines)"}, {"otlp", "over OTLP/HTTP to a local receiver"}};
    for (String[] dest : dests) {
      Path out = cpuDir.resolve(dest[0] + ".out");
      Map<String, String> m = loadLine(out, "export-cpu:");
      double agentNs = parse(m.get("agent_threads_ns_per_span"));
      long spans = (long) parse(m.get("spans"));
      long exported = (long) parse(m.get("exported"));
      String[] r = new String[8];
      r[0] = "export: CPU of perf-agent's threads per exported span, " + dest[1] + " (`bench/export-cpu.sh`)";
      r[1] = "-";
      r[2] = Double.isNaN(agentNs) ? "n/a"
          : String.format(Locale.ROOT, "%s ns (%,d spans at %s/s, %,d exported%s; whole process %s ns per span)",
              fmt(agentNs, 0), spans, fmt(parse(m.get("rate")), 0), exported,
              exported == spans ? "" : " ⚠ not all", fmt(parse(m.get("process_ns_per_span")), 0));
      r[3] = "not measured";
      r[4] = "not measured";
      r[5] = "";
      r[6] = "";
      r[7] = verdict(agentNs <= 1000, "export " + dest[1] + ": ≤ 1 µs of the agent's threads' CPU per span",
          Double.isNaN(agentNs) ? "n/a" : fmt(agentNs, 0) + " ns");
      rows.add(r);
      String threads = threadLine(out);
      if (!threads.isEmpty()) {
        byThread.add(dest[0] + ":" + threads);
      }
    }
    if (!byThread.isEmpty()) {
      notes.add("Export CPU per span (`bench/export-cpu.sh`, `com.acme.bench.app.ExportCpu`): perf-agent with "
          + "`bench/config/span-load.yaml`, 200,000 warm-up spans, then the measured ones from one thread at the "
          + "paced rate; the CPU time (ThreadMXBean, so little moved by the machine's load) of every thread but the "
          + "load's and `main` between two idle points, per span the destination got. By thread group, ns per "
          + "span: " + String.join("; ", byThread) + ".");
    }
  }

  /** ExportCpu's {@code by thread:} line, without its label; empty without one. */
  private static String threadLine(Path out) throws IOException {
    if (!Files.isRegularFile(out)) {
      return "";
    }
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      int at = line.indexOf("by thread:");
      if (at >= 0) {
        return line.substring(at + "by thread:".length());
      }
    }
    return "";
  }

  private static long rateOf(Path p) {
    Matcher m = Pattern.compile("paced-(\\d+)").matcher(p.getFileName().toString());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static Map<String, String> loadLine(Path out) throws IOException {
    return loadLine(out, "span-load:");
  }

  private static Map<String, String> loadLine(Path out, String prefix) throws IOException {
    if (!Files.isRegularFile(out)) {
      return new HashMap<>();
    }
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      int at = line.indexOf(prefix);
      if (at >= 0) {
        return tokens(line.substring(at + prefix.length()));
      }
    }
    return new HashMap<>();
  }

  /** recorded, exported, dropped, buffer full, export failed; null without a summary line. */
  static long[] summary(Path err) throws IOException {
    if (!Files.isRegularFile(err)) {
      return null;
    }
    long[] last = null;
    for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
      Matcher m = SUMMARY.matcher(line);
      if (m.find()) {
        last = new long[5];
        for (int i = 0; i < 5; i++) {
          last[i] = Long.parseLong(m.group(i + 1));
        }
      }
    }
    return last;
  }

  // ------------------------------------------------------------------ test-app throughput

  private void throughputRows() throws IOException {
    Path tdir = dir.resolve("throughput");
    String args = meta.getOrDefault("throughput_args", "");
    List<double[]> none = throughputRuns(tdir, "none");
    double base = medianOf(column(none, 0));
    String[] r = throughputRow("every agent exporting to the local receiver (OTLP/HTTP; Elastic: APM intake)", args, none);
    for (int k = 1; k < 4; k++) {
      r[k + 1] = throughputCell(throughputRuns(tdir, AGENTS[k]), base, AGENTS[k].equals("perf") ? "exported" : null);
    }
    double perf = medianOf(column(throughputRuns(tdir, "perf"), 0));
    r[5] = ratio(medianOf(column(throughputRuns(tdir, "otel"), 0)), perf);
    r[6] = ratio(medianOf(column(throughputRuns(tdir, "elastic"), 0)), perf);
    r[7] = throughputVerdict("over OTLP/HTTP", 0.97, perf / base);
    rows.add(r);

    List<double[]> file = throughputRuns(tdir, "perf-file");
    r = throughputRow("perf-agent exporting to the local file (`./perf-agent-traces.jsonl`, the default without an endpoint)",
        args, none);
    r[2] = throughputCell(file, base, "exported");
    r[7] = throughputVerdict("to the local file", 0.97, medianOf(column(file, 0)) / base);
    rows.add(r);

    List<double[]> nowhere = throughputRuns(tdir, "perf-nowhere");
    r = throughputRow("perf-agent recording, exporting nowhere (`otel.traces.exporter=none`)", args, none);
    r[2] = throughputCell(nowhere, base, "recorded");
    r[7] = throughputVerdict("nowhere", 0.99, medianOf(column(nowhere, 0)) / base);
    rows.add(r);
    notes.add("test-app throughput: the gap between the rows exporting nowhere and exporting is the CPU the export "
        + "pipeline (and, over OTLP, the local receiver) takes from the app on these 2 cores. Spans/s = the spans "
        + "of the exit summary (exported; recorded when exporting nowhere) per conversation × the second half's "
        + "conversations/s, median of the runs.");
  }

  private String[] throughputRow(String how, String args, List<double[]> none) {
    String[] r = new String[8];
    r[0] = "test-app throughput, conversations/s of the run's second half (steady state; " + args + "), " + how;
    r[1] = throughputCell(none, Double.NaN, null);
    Arrays.fill(r, 2, 8, "");
    r[3] = "not measured";
    r[4] = "not measured";
    return r;
  }

  private String throughputVerdict(String how, double share, double measured) {
    return verdict(measured >= share, "test-app steady-state throughput with perf-agent exporting " + how + " ≥ "
        + fmt(100 * share, 0) + "% of without", Double.isNaN(measured) ? "n/a" : fmt(100 * measured, 1) + "%");
  }

  /**
   * Median conversations/s (and its share of {@code base} unless NaN), runs and spread, and with
   * {@code spans} the median spans/s ("exported" or "recorded").
   */
  private static String throughputCell(List<double[]> runs, double base, String spans) {
    double med = medianOf(column(runs, 0));
    if (Double.isNaN(med)) {
      return "not measured";
    }
    List<Double> conv = column(runs, 0);
    StringBuilder c = new StringBuilder(fmt(med, 1));
    if (!Double.isNaN(base)) {
      c.append(" (").append(fmt(100 * med / base, 1)).append("%)");
    }
    c.append(" (").append(runs.size()).append(" runs, ").append(fmt(java.util.Collections.min(conv), 1)).append('–')
        .append(fmt(java.util.Collections.max(conv), 1)).append(')');
    double spansPerSecond = medianOf(column(runs, 1));
    if (spans != null && !Double.isNaN(spansPerSecond)) {
      c.append("; ").append(fmt(spansPerSecond, 0)).append(" spans/s ").append(spans);
    }
    double cpuMillis = medianOf(column(runs, 2));
    if (!Double.isNaN(cpuMillis)) {
      c.append("; ").append(fmt(cpuMillis, 2)).append(" ms CPU/conv");
    }
    return c.toString();
  }

  private static List<Double> column(List<double[]> runs, int index) {
    List<Double> values = new ArrayList<>();
    for (double[] run : runs) {
      if (!Double.isNaN(run[index])) {
        values.add(run[index]);
      }
    }
    return values;
  }

  /**
   * One {conversations/s of the second half, spans/s, ms of process CPU per conversation} per run of
   * the agent: spans/s from perf-agent's exit summary (exported, or recorded when none were exported),
   * NaN without one; the CPU NaN when the test-app did not print it.
   */
  static List<double[]> throughputRuns(Path tdir, String agent) throws IOException {
    List<double[]> result = new ArrayList<>();
    if (!Files.isDirectory(tdir)) {
      return result;
    }
    List<Path> outs;
    try (Stream<Path> files = Files.list(tdir)) {
      outs = files.filter(x -> x.getFileName().toString().matches(Pattern.quote(agent) + "-\\d+\\.out"))
          .sorted().collect(Collectors.toList());
    }
    for (Path p : outs) {
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        Matcher m = CONVERSATIONS.matcher(line);
        if (m.find()) {
          double conv = Double.parseDouble(m.group(4) != null ? m.group(4) : m.group(3));
          long[] summary = summary(tdir.resolve(p.getFileName().toString().replace(".out", ".err")));
          double spansPerConversation = summary == null ? Double.NaN
              : (double) (summary[1] > 0 ? summary[1] : summary[0]) / Long.parseLong(m.group(1));
          double cpuMillis = m.group(5) != null ? Double.parseDouble(m.group(5)) : Double.NaN;
          result.add(new double[] {conv, spansPerConversation * conv, cpuMillis});
          break;
        }
      }
    }
    return result;
  }

  // ------------------------------------------------------------------ helpers

  private String verdict(boolean met, String target, String measured) {
    String v;
    if (measured.contains("NaN") || measured.contains("n/a")) { // a figure missing anywhere in it
      v = target + ": not measured";
    } else {
      v = target + ": " + (met ? "**met**" : "**missed**") + " (" + measured + ")";
    }
    verdicts.add(v);
    return v;
  }

  private static double median(List<Map<String, String>> runs, java.util.function.ToDoubleFunction<Map<String, String>> f) {
    List<Double> values = new ArrayList<>();
    for (Map<String, String> r : runs) {
      double v = f.applyAsDouble(r);
      if (!Double.isNaN(v)) {
        values.add(v);
      }
    }
    return medianOf(values);
  }

  static double medianOf(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(d -> d).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static Map<String, String> tokens(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String t : text.trim().split("\\s+")) {
      int eq = t.indexOf('=');
      if (eq > 0) {
        m.put(t.substring(0, eq), t.substring(eq + 1));
      }
    }
    return m;
  }

  static Map<String, String> keyValues(Path file) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return m;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return m;
  }

  private static double parse(String s) {
    if (s == null || s.isBlank()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s.trim().replace(",", ""));
    } catch (NumberFormatException e) {
      return s.trim().startsWith("≈") ? 0.0 : Double.NaN;
    }
  }

  private static String ratio(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return "";
    }
    if (Math.abs(b) < 1 && Math.abs(a) < 1) {
      return "–";
    }
    if (Math.abs(b) < 1) {
      return "perf-agent ≈ 0";
    }
    if (b == 0) {
      return "";
    }
    double r = a / b;
    return "×" + (r >= 10 ? fmt(r, 0) : fmt(r, 2));
  }

  private static String ns(double v) {
    return Double.isNaN(v) ? "n/a" : fmt(v, v >= 100 ? 0 : 1) + " ns";
  }

  private static String bytes(double v) {
    return (v < 0.5 ? "0" : fmt(v, v >= 100 ? 0 : 1)) + " B";
  }

  private static String mb(double v) {
    return Double.isNaN(v) ? "n/a" : fmt(v / 1e6, 1) + " MB";
  }

  private static String signed(double v, int digits) {
    return (v >= 0 ? "+" : "") + fmt(v, digits);
  }

  static String fmt(double v, int digits) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%,." + digits + "f", v);
  }
}
