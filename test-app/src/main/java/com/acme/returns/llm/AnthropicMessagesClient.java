package com.acme.returns.llm;

/** Anthropic messages API (simulated). */
public final class AnthropicMessagesClient implements LlmClient {

  private final String model;
  private final SimulatedInference inference;

  public AnthropicMessagesClient(String model) {
    this.model = model;
    this.inference = new SimulatedInference(ProviderStyle.ANTHROPIC, model);
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return inference.respond(request);
  }

  @Override
  public String provider() {
    return Models.ANTHROPIC;
  }

  @Override
  public String model() {
    return model;
  }
}
