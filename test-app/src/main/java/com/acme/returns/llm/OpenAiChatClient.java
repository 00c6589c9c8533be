package com.acme.returns.llm;

import com.acme.returns.Counters;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * OpenAI chat completions through the official openai-java SDK. The large model writes the long,
 * customer-facing answers, so its answers are streamed and assembled from the chunks.
 */
public final class OpenAiChatClient implements LlmClient {

  private final String model;
  private final boolean streamed;
  private final OpenAIClient client;

  /** {@code baseUrl}: where the API is served (its paths start with /v1). */
  public OpenAiChatClient(String model, String baseUrl) {
    this.model = model;
    this.streamed = !Models.isSmall(model);
    this.client = OpenAIOkHttpClient.builder()
        .baseUrl(baseUrl + "/v1")
        .apiKey("sk-returns-demo")
        .maxRetries(0) // the gateway decides about retries
        .build();
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    ChatCompletionCreateParams params = OpenAiMapping.params(request, streamed);
    try {
      return OpenAiMapping.response(streamed ? stream(params)
          : client.chat().completions().create(params));
    } catch (com.openai.errors.RateLimitException e) {
      throw RateLimitException.fromSdk(e, e.headers().values(RateLimitException.RETRY_AFTER_MS));
    }
  }

  private ChatCompletion stream(ChatCompletionCreateParams params) {
    Counters.LLM_STREAMED.increment();
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    try (StreamResponse<ChatCompletionChunk> chunks =
        client.chat().completions().createStreaming(params)) {
      chunks.stream().forEach(accumulator::accumulate);
    }
    return accumulator.chatCompletion();
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
    client.close();
  }
}
