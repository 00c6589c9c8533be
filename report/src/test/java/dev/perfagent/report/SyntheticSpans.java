package dev.perfagent.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.SplittableRandom;

/**
 * Writes a large OTLP JSON-lines file shaped like the demo's (conversations of iterations with LLM
 * calls, tools and JDBC), for measuring the report on a million spans (docs/performance.md):
 * {@code java -cp report/target/test-classes:report/target/classes dev.perfagent.report.SyntheticSpans FILE SPANS}.
 * Each trace has 17 spans; about 1,000 spans per line, as the agent's batches.
 */
public final class SyntheticSpans {
  private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4-5", "claude-haiku-4-5"};
  private static final String[] TOOLS = {"get_order_details", "check_eligibility", "create_rma", "send_email"};

  private SyntheticSpans() {}

  public static void main(String[] args) throws IOException {
    long spans = Long.parseLong(args[1]);
    SplittableRandom random = new SplittableRandom(42);
    SpanLines lines = new SpanLines("synthetic-run");
    int inLine = 0;
    double clock = 0;
    try (BufferedWriter out = Files.newBufferedWriter(Paths.get(args[0]), StandardCharsets.UTF_8)) {
      for (long trace = 1; trace * 17 <= spans; trace++) {
        String t = String.format("%032x", trace);
        String root = String.format("%016x", trace << 8);
        double at = clock;
        for (int i = 0; i < 4; i++) {
          String iteration = String.format("%016x", (trace << 8) + 1 + i * 5);
          double start = at;
          String model = MODELS[(int) (trace % 4)];
          double chat = 50 + random.nextDouble() * 400;
          lines.span(t, String.format("%016x", (trace << 8) + 2 + i * 5), iteration, "chat " + model, at, at + chat,
              random.nextInt(50) == 0, "gen_ai.operation.name", "chat", "gen_ai.provider.name", "p",
              "gen_ai.request.model", model, "gen_ai.usage.input_tokens", (long) random.nextInt(2000),
              "gen_ai.usage.output_tokens", (long) random.nextInt(200), "perf_agent.cost.usd", random.nextDouble() / 100);
          at += chat;
          String tool = TOOLS[i];
          double toolTime = 5 + random.nextDouble() * 50;
          String toolId = String.format("%016x", (trace << 8) + 3 + i * 5);
          lines.span(t, toolId, iteration, "execute_tool " + tool, at, at + toolTime, random.nextInt(20) == 0,
              "gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", tool);
          lines.span(t, String.format("%016x", (trace << 8) + 4 + i * 5), toolId, "executeQuery h2", at + 1, at + 3,
              false, "db.system.name", "h2");
          at += toolTime;
          lines.span(t, iteration, root, "ReturnsAgent.runIteration " + (i + 1), start, at + 1, false,
              "pool.lookup.count", 2L, "pool.lookup.total_ms", 0.05);
          at += 1;
        }
        lines.span(t, root, "", "invoke_agent returns-assistant", clock, at + 2, false);
        clock = at + 2;
        inLine += 17;
        if (inLine >= 1000) {
          out.write(lines.line());
          out.write('\n');
          inLine = 0;
        }
      }
      if (inLine > 0) {
        out.write(lines.line());
        out.write('\n');
      }
    }
  }
}
