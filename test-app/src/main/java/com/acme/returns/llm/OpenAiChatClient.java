package com.acme.returns.llm;

/** OpenAI chat completions (simulated). */
public final class OpenAiChatClient implements LlmClient {

  private final String model;
  private final SimulatedInference inference;

  public OpenAiChatClient(String model) {
    this.model = model;
    this.inference = new SimulatedInference(ProviderStyle.OPENAI, model);
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return inference.respond(request);
  }

  @Override
  public String provider() {
    return Models.OPENAI;
  }

  @Override
  public String model() {
    return model;
  }
}
