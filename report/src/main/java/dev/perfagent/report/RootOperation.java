package dev.perfagent.report;

/**
 * One kind of root operation (a conversation, a request: a span without a parent), end to end: its
 * latency, errors, and the tokens and cost of the LLM calls inside each one.
 */
public final class RootOperation {
  private final String name;
  private final Timing timing;
  private final Distribution costNanoUsd;
  private final Distribution tokens;
  private final TokenCounts tokenCounts = new TokenCounts();
  private final Heatmap overTime = new Heatmap();

  RootOperation(String name) {
    this.name = name;
    this.timing = new Timing(name.hashCode());
    this.costNanoUsd = new Distribution(name.hashCode() * 31L);
    this.tokens = new Distribution(name.hashCode() * 17L);
  }

  void add(Span root, long selfMicros, TokenCounts inside, long costNanos) {
    timing.add(root.durationNanos() / 1000, selfMicros, root.error);
    overTime.add(root.startNanos, root.durationNanos() / 1000);
    tokenCounts.add(inside);
    costNanoUsd.add(costNanos);
    tokens.add(inside.input() + inside.output());
  }

  public String name() {
    return name;
  }

  public Timing timing() {
    return timing;
  }

  /** Cost per root operation, in nano-USD (1e-9 USD). */
  public Distribution costNanoUsd() {
    return costNanoUsd;
  }

  /** Input plus output tokens per root operation. */
  public Distribution tokens() {
    return tokens;
  }

  /** Latencies by when the operations started. */
  public Heatmap overTime() {
    return overTime;
  }

  /** All tokens of all these root operations. */
  public TokenCounts tokenCounts() {
    return tokenCounts;
  }
}
