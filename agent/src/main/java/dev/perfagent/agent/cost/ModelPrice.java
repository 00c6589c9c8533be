package dev.perfagent.agent.cost;

/** A model's prices in USD per token, and what a call's tokens cost at them. */
final class ModelPrice {
  private static final double PER_MILLION = 1e-6;

  private final double input;
  private final double cachedInput;
  private final double cacheWrite;
  private final double output;

  private ModelPrice(double input, double cachedInput, double cacheWrite, double output) {
    this.input = input;
    this.cachedInput = cachedInput;
    this.cacheWrite = cacheWrite;
    this.output = output;
  }

  /** From prices in USD per million tokens, as tables and the config write them. */
  static ModelPrice perMillion(double input, double cachedInput, double cacheWrite, double output) {
    return new ModelPrice(
        input * PER_MILLION, cachedInput * PER_MILLION, cacheWrite * PER_MILLION, output * PER_MILLION);
  }

  /**
   * The cost of a call. {@code input} counts every input token, cached ones included (as
   * {@code gen_ai.usage.input_tokens} does); {@code cacheRead} and {@code cacheWrite} are the parts of
   * it read from and written to the provider's cache, priced at their own rates; reasoning tokens are
   * part of {@code output}.
   */
  double cost(long input, long cacheRead, long cacheWrite, long output) {
    long uncached = Math.max(0, input - cacheRead - cacheWrite);
    return uncached * this.input + cacheRead * cachedInput + cacheWrite * this.cacheWrite + output * this.output;
  }
}
