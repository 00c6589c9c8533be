package asyncapp;

/** The model's answer. */
public final class Reply {
  private final String model;
  private final int inputTokens;
  private final int outputTokens;

  Reply(String model, int inputTokens, int outputTokens) {
    this.model = model;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
  }

  public String getModel() {
    return model;
  }

  public int getInputTokens() {
    return inputTokens;
  }

  public int getOutputTokens() {
    return outputTokens;
  }
}
