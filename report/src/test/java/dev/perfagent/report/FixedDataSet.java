package dev.perfagent.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ten conversations of a hand-made trace shape, every figure computable by hand:
 * conversation i (1..10) lasts 100*i ms; inside it, a chat call of 10*i ms (tokens 100 in, 10 out,
 * $0.001) at 0..10i, a tool call of 5 ms at 10i..10i+5 failing in conversations 3 and 7, and in
 * conversation 1 a second chat call that was refused with a 429 first.
 */
final class FixedDataSet {
  static final String RUN = "run-1";

  private FixedDataSet() {}

  /** The data set's lines (one per conversation), to which a test may add its own. */
  static List<String> lines() {
    return lines(RUN, 1);
  }

  /** The same conversations as run {@code run}, every time multiplied by {@code k}. */
  static List<String> lines(String run, double k) {
    SpanLines lines = new SpanLines(run);
    List<String> file = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      String trace = String.format("%032x", i);
      String root = String.format("%016x", i * 100);
      lines.span(trace, String.format("%016x", i * 100 + 1), root, "chat m1", 0, k * 10 * i, false,
          "gen_ai.operation.name", "chat", "gen_ai.provider.name", "p", "gen_ai.request.model", "m1",
          "gen_ai.usage.input_tokens", 100L, "gen_ai.usage.output_tokens", 10L, "perf_agent.cost.usd", 0.001);
      lines.span(trace, String.format("%016x", i * 100 + 2), root, "execute_tool t", k * 10 * i, k * (10 * i + 5),
          i == 3 || i == 7,
          "gen_ai.operation.name", "execute_tool", "gen_ai.tool.name", "t");
      if (i == 1) {
        lines.span(trace, String.format("%016x", 103), root, "chat m1", k * 20, k * 22, true,
            "gen_ai.operation.name", "chat", "gen_ai.request.model", "m1", "gen_ai.provider.name", "p",
            "error.type", "com.x.RateLimitException");
        lines.span(trace, String.format("%016x", 104), root, "chat m1", k * 30, k * 40, false,
            "gen_ai.operation.name", "chat", "gen_ai.request.model", "m1", "gen_ai.provider.name", "p",
            "gen_ai.usage.input_tokens", 50L, "gen_ai.usage.output_tokens", 5L, "perf_agent.cost.usd", 0.0005);
      }
      lines.span(trace, root, "", "conversation", 0, k * 100 * i, false,
          "pool.lookup.count", 3L, "pool.lookup.total_ms", 1.5);
      file.add(lines.line());
    }
    return file;
  }

  static Path write(Path file, List<String> lines) throws Exception {
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }
}
