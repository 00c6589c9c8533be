package com.acme.returns;

import com.acme.returns.agent.AgentReply;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The end-of-run summary for humans, then the one machine-readable counters line. */
final class Report {

  private Report() {}

  /**
   * @param secondHalfSeconds how long the second half of the conversations took
   * @param secondHalfCpuMillis the process's CPU time meanwhile (all its threads: the JIT and GC
   *     too), or a negative number when the JVM does not tell it
   */
  static void print(PrintStream out, List<AgentReply> replies, double startupSeconds,
      double runSeconds, double secondHalfSeconds, double secondHalfCpuMillis) {
    Map<String, Long> c = Counters.snapshot();
    Map<AgentReply.Outcome, Integer> outcomes = new EnumMap<>(AgentReply.Outcome.class);
    for (AgentReply reply : replies) {
      outcomes.merge(reply.getOutcome(), 1, Integer::sum);
    }
    StringJoiner outcomeText = new StringJoiner(", ");
    outcomes.forEach((outcome, n) -> outcomeText.add(outcome.name().toLowerCase(Locale.ROOT)
        + " " + n));
    out.println();
    int secondHalf = replies.size() - replies.size() / 2;
    out.printf(Locale.ROOT,
        "conversations : %d in %.2f s (%.1f conv/s), start-up %.2f s; second half %.1f conv/s, %.2f ms CPU/conv%n",
        replies.size(), runSeconds, rate(replies.size(), runSeconds), startupSeconds,
        rate(secondHalf, secondHalfSeconds),
        secondHalf > 0 && secondHalfCpuMillis >= 0 ? secondHalfCpuMillis / secondHalf : Double.NaN);
    out.println("outcomes      : " + (replies.isEmpty() ? "-" : outcomeText.toString()));
    out.printf(Locale.ROOT, "agent         : %d iterations, %d policy searches%n",
        c.get("agent.iterations"), c.get("rag.searches"));
    out.println("llm calls     : " + c.get("llm.calls") + " (" + c.get("llm.rate_limited")
        + " rate-limited and retried; " + c.get("llm.streamed") + " streamed, "
        + c.get("llm.async") + " async)");
    Counters.LLM_CALLS_BY_MODEL.snapshot().forEach((model, calls) -> out.printf(Locale.ROOT,
        "  %-20s %4d calls, %,8d input (%,d cache reads, %,d cache writes) / %,6d output tokens%n",
        model, calls, Counters.INPUT_TOKENS_BY_MODEL.get(model),
        Counters.CACHE_READ_TOKENS_BY_MODEL.get(model),
        Counters.CACHE_WRITE_TOKENS_BY_MODEL.get(model),
        Counters.OUTPUT_TOKENS_BY_MODEL.get(model)));
    StringJoiner tools = new StringJoiner(", ");
    Counters.TOOL_CALLS_BY_NAME.snapshot().forEach((tool, n) -> tools.add(tool + " " + n));
    out.println("tool calls    : " + c.get("tool.calls") + " (" + tools + ")");
    out.println("failures      : " + c.get("tool.failures") + " tool failure(s), "
        + outcomes.getOrDefault(AgentReply.Outcome.FAILED, 0) + " failed conversation(s)");
    out.println("client pool   : " + c.get("pool.lookups") + " lookups, "
        + (c.get("pool.lookups") - c.get("pool.misses")) + " hits, " + c.get("pool.misses")
        + " misses");
    out.println("sessions      : " + c.get("session.forks") + " forks from "
        + c.get("session.templates") + " templates, " + c.get("session.connects")
        + " fresh connects, " + c.get("session.closes") + " closes");
    out.println("database      : " + c.get("jdbc.statements") + " statements, "
        + c.get("db.pool.checkouts") + " pool checkouts");
    out.println(Counters.line());
  }

  private static double rate(int conversations, double seconds) {
    return seconds > 0 ? conversations / seconds : 0.0;
  }
}
