package dev.perfagent.config;

import java.util.Objects;
/**
 * What one model costs, in USD per million tokens, as written under {@code prices:}: input, cached
 * input read, cache write and output. A cache price that is not given is the input price.
 */
public final class Price {
  private final double input;
  private final double cachedInput;
  private final double cacheWrite;
  private final double output;

  public Price(double input, double cachedInput, double cacheWrite, double output) {
    this.input = input;
    this.cachedInput = cachedInput;
    this.cacheWrite = cacheWrite;
    this.output = output;
  }

  public double input() {
    return input;
  }

  public double cachedInput() {
    return cachedInput;
  }

  public double cacheWrite() {
    return cacheWrite;
  }

  public double output() {
    return output;
  }

  @Override
  public String toString() {
    return "Price{input=" + input + ", cached-input=" + cachedInput + ", cache-write=" + cacheWrite
        + ", output=" + output + " USD per 1M tokens}";
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Price)) {
      return false;
    }
    Price o = (Price) other;
    return input == o.input && cachedInput == o.cachedInput && cacheWrite == o.cacheWrite && output == o.output;
  }

  @Override
  public int hashCode() {
    return Objects.hash(input, cachedInput, cacheWrite, output);
  }
}
