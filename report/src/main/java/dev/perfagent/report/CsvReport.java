package dev.perfagent.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The report as CSV files in one directory: breakdown, roots, models, findings, and per {@code --by} value. */
final class CsvReport {
  private static final String USAGE_COLUMNS = "calls,mean_us,p50_us,p95_us,p99_us,max_us,errors,input_tokens,"
      + "cached_input_tokens,output_tokens,reasoning_tokens,cost_usd,first_chunk_p50_us,first_chunk_p95_us";

  private CsvReport() {}

  static void write(Path dir, RunReport r) throws IOException {
    Files.createDirectories(dir);
    try (PrintWriter w = writer(dir.resolve("breakdown.csv"))) {
      w.println("path,depth,count,total_us,self_us,mean_us,p50_us,p95_us,p99_us,max_us,errors");
      for (BreakdownNode n : r.breakdown().children()) {
        node(w, n, "", 0);
      }
    }
    try (PrintWriter w = writer(dir.resolve("roots.csv"))) {
      w.println("root,count,mean_us,p50_us,p95_us,p99_us,max_us,errors,input_tokens,output_tokens,cost_usd");
      for (RootOperation root : r.roots()) {
        w.println(cell(root.name()) + "," + timing(root.timing()) + "," + root.tokenCounts().input() + ","
            + root.tokenCounts().output() + "," + root.costNanoUsd().total() / 1e9);
      }
    }
    try (PrintWriter w = writer(dir.resolve("models.csv"))) {
      w.println("provider,model," + USAGE_COLUMNS);
      for (ModelUsage m : r.models()) {
        w.println(cell(m.provider()) + "," + cell(m.model()) + "," + usage(m));
      }
    }
    if (r.by() != null) {
      try (PrintWriter w = writer(dir.resolve("by-value.csv"))) {
        w.println(cell(r.by()) + "," + USAGE_COLUMNS);
        for (ModelUsage v : r.llmByValue()) {
          w.println(cell(v.model()) + "," + usage(v));
        }
      }
    }
    try (PrintWriter w = writer(dir.resolve("findings.csv"))) {
      w.println("kind,operation,message");
      for (Finding f : r.findings()) {
        w.println(f.kind() + "," + cell(f.operation()) + "," + cell(f.message()));
      }
    }
  }

  private static String usage(ModelUsage m) {
    TokenCounts k = m.tokens();
    return timing(m.timing()) + "," + k.input() + "," + k.cached() + "," + k.output() + "," + k.reasoning() + ","
        + m.costUsd() + "," + m.firstChunkMicros().percentile(50) + "," + m.firstChunkMicros().percentile(95);
  }

  private static void node(PrintWriter w, BreakdownNode n, String parent, int depth) {
    String path = parent.isEmpty() ? n.name() : parent + " > " + n.name();
    Timing t = n.timing();
    String[] parts = timing(t).split(",", 2);
    w.println(cell(path) + "," + depth + "," + parts[0] + "," + t.totalMicros() + "," + t.selfMicros() + "," + parts[1]);
    for (BreakdownNode c : n.children()) {
      node(w, c, path, depth + 1);
    }
  }

  /** count, mean, p50, p95, p99, max, errors. */
  private static String timing(Timing t) {
    Distribution d = t.durations();
    return t.count() + "," + Math.round(d.mean()) + "," + d.percentile(50) + "," + d.percentile(95) + ","
        + d.percentile(99) + "," + d.max() + "," + t.errors();
  }

  static String cell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static PrintWriter writer(Path file) throws IOException {
    return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }
}
