package dev.perfagent.report;

/** Token sums, as the GenAI conventions count them (input includes the cached input tokens). */
public final class TokenCounts {
  private long input;
  private long cached;
  private long output;
  private long reasoning;

  void add(Span span) {
    input += span.number("gen_ai.usage.input_tokens");
    cached += span.number("gen_ai.usage.cache_read.input_tokens");
    output += span.number("gen_ai.usage.output_tokens");
    reasoning += span.number("gen_ai.usage.reasoning.output_tokens");
  }

  void add(TokenCounts other) {
    input += other.input;
    cached += other.cached;
    output += other.output;
    reasoning += other.reasoning;
  }

  public long input() {
    return input;
  }

  /** Input tokens read from the provider's prompt cache (part of {@link #input()}). */
  public long cached() {
    return cached;
  }

  public long output() {
    return output;
  }

  public long reasoning() {
    return reasoning;
  }
}
