package dev.perfagent.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sibling LLM calls, or sibling tool calls, under one parent that ran one after another (each
 * started once the one before had ended), with no call of the other kind between them: no model
 * call saw a tool's result before the next tool ran, and no tool ran between two model calls. The
 * spans cannot show whether the later call needs the earlier's result, so these are calls that
 * <em>could</em> overlap. Calls refused with a 429 are left out (a retry is serial on purpose).
 */
final class SerialCalls {
  private SerialCalls() {}

  /** {@code children}: the parent's children, sorted by start. */
  static void find(Span parent, List<Span> children, RunReport report) {
    if (children.size() < 2) {
      return;
    }
    List<Span> run = new ArrayList<>();
    Boolean runIsLlm = null;
    long lastEnd = 0;
    for (Span c : children) {
      Boolean llm = kind(c);
      if (llm == null) {
        continue;
      }
      if (!run.isEmpty() && llm.equals(runIsLlm) && c.startNanos >= lastEnd) {
        run.add(c);
      } else {
        record(parent, run, report);
        run = new ArrayList<>();
        run.add(c);
        runIsLlm = llm;
      }
      lastEnd = c.endNanos;
    }
    record(parent, run, report);
  }

  /** True for an LLM call, false for a tool call, null for anything else. */
  private static Boolean kind(Span s) {
    if (TraceFolder.isRateLimited(s)) {
      return null;
    }
    if (ModelUsage.isLlmCall(s)) {
      return Boolean.TRUE;
    }
    return "execute_tool".equals(s.string("gen_ai.operation.name")) ? Boolean.FALSE : null;
  }

  private static void record(Span parent, List<Span> run, RunReport report) {
    if (run.size() < 2) {
      return;
    }
    List<String> names = new ArrayList<>(run.size());
    long sum = 0;
    long longest = 0;
    for (Span s : run) {
      names.add(s.name);
      long micros = s.durationNanos() / 1000;
      sum += micros;
      longest = Math.max(longest, micros);
    }
    Run r = report.serialRun(parent.name, names);
    if (r != null) {
      r.add(sum, sum - longest);
    }
  }

  /** The same sequence of calls under parents of the same name, however often it happened. */
  public static final class Run {
    private final String parent;
    private final List<String> calls;
    private long times;
    private long serialMicros;
    private long savingMicros;

    Run(String parent, List<String> calls) {
      this.parent = parent;
      this.calls = Collections.unmodifiableList(calls);
    }

    void add(long serial, long saving) {
      times++;
      serialMicros += serial;
      savingMicros += saving;
    }

    public String parent() {
      return parent;
    }

    public List<String> calls() {
      return calls;
    }

    public long times() {
      return times;
    }

    /** The calls' time, one after another, summed over all the times. */
    public long serialMicros() {
      return serialMicros;
    }

    /** What running each time's calls together would at most save: all but the longest call. */
    public long savingMicros() {
      return savingMicros;
    }
  }
}
