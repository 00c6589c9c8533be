package com.acme.returns.llm;

/**
 * Token usage of one call. The input tokens are all the prompt's tokens, as the GenAI conventions
 * count them: those read from the provider's prompt cache and those written to it included.
 */
public final class Usage {

  private final int inputTokens;
  private final int outputTokens;
  private final int cacheReadTokens;
  private final int cacheWriteTokens;

  public Usage(int inputTokens, int outputTokens, int cacheReadTokens, int cacheWriteTokens) {
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.cacheReadTokens = cacheReadTokens;
    this.cacheWriteTokens = cacheWriteTokens;
  }

  public int getInputTokens() {
    return inputTokens;
  }

  public int getOutputTokens() {
    return outputTokens;
  }

  /** The input tokens read from the prompt cache. */
  public int getCacheReadTokens() {
    return cacheReadTokens;
  }

  /** The input tokens written to the prompt cache (reported by Anthropic only). */
  public int getCacheWriteTokens() {
    return cacheWriteTokens;
  }

  public int getTotalTokens() {
    return inputTokens + outputTokens;
  }

  @Override
  public String toString() {
    return inputTokens + " in (" + cacheReadTokens + " cache reads, " + cacheWriteTokens
        + " cache writes) / " + outputTokens + " out";
  }
}
