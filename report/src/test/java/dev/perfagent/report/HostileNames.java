package dev.perfagent.report;

/** A trace whose span name and model are markup, as untrusted text can be. */
final class HostileNames {
  static final String MARKUP = "</script><img src=x onerror=alert(1)>";

  private HostileNames() {}

  static String line() {
    SpanLines lines = new SpanLines(FixedDataSet.RUN);
    String trace = String.format("%032x", 99);
    lines.span(trace, String.format("%016x", 9901), String.format("%016x", 9900), "chat " + MARKUP, 1000, 1010, false,
        "gen_ai.operation.name", "chat", "gen_ai.provider.name", "p", "gen_ai.request.model", MARKUP,
        "gen_ai.usage.input_tokens", 7L, "gen_ai.usage.output_tokens", 1L, "perf_agent.cost.usd", 0.0001);
    lines.span(trace, String.format("%016x", 9900), "", MARKUP, 1000, 1020, false);
    return lines.line();
  }
}
