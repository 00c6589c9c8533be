package com.acme.returns.llm;

/** Token usage of one call. */
public final class Usage {

  private final int inputTokens;
  private final int outputTokens;

  public Usage(int inputTokens, int outputTokens) {
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
  }

  public int getInputTokens() {
    return inputTokens;
  }

  public int getOutputTokens() {
    return outputTokens;
  }

  public int getTotalTokens() {
    return inputTokens + outputTokens;
  }

  @Override
  public String toString() {
    return inputTokens + " in / " + outputTokens + " out";
  }
}
