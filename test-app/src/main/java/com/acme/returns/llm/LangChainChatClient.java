package com.acme.returns.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.List;

/**
 * OpenAI chat completions through LangChain4j's {@code OpenAiChatModel}, which has its own HTTP
 * client (not openai-java): the app's third way to a model, so that the demo shows LangChain4j's
 * spans beside the SDKs'.
 */
public final class LangChainChatClient implements LlmClient {

  private final String model;
  private final ChatModel chat;

  /** {@code baseUrl}: where the API is served (its paths start with /v1). */
  public LangChainChatClient(String model, String baseUrl) {
    this.model = model;
    this.chat = OpenAiChatModel.builder()
        .baseUrl(baseUrl + "/v1")
        .apiKey("sk-returns-demo")
        .modelName(model)
        .maxRetries(0) // the gateway decides about retries
        .build();
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    try {
      return LangChainMapping.response(chat.chat(LangChainMapping.request(request)));
    } catch (dev.langchain4j.exception.RateLimitException e) {
      // LangChain4j keeps the answer's body, not its headers: the default wait
      throw RateLimitException.fromSdk(e, List.of());
    }
  }

  @Override
  public String provider() {
    return Models.OPENAI;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public void close() {
    // LangChain4j's JDK HTTP client has nothing to release
  }
}
