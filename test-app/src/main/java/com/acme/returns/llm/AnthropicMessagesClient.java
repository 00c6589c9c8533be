package com.acme.returns.llm;

import com.acme.returns.Counters;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import java.util.concurrent.CompletionException;

/**
 * Anthropic messages through the official anthropic-java SDK, with its async client: the call
 * returns a future at once, and the agent's thread waits for it.
 */
public final class AnthropicMessagesClient implements LlmClient {

  private final String model;
  private final AnthropicClient client;

  /** {@code baseUrl}: where the API is served (its paths start with /v1). */
  public AnthropicMessagesClient(String model, String baseUrl) {
    this.model = model;
    this.client = AnthropicOkHttpClient.builder()
        .baseUrl(baseUrl)
        .apiKey("sk-ant-returns-demo")
        .maxRetries(0) // the gateway decides about retries
        .build();
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    Counters.LLM_ASYNC.increment();
    try {
      return AnthropicMapping.response(
          client.async().messages().create(AnthropicMapping.params(request)).join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof com.anthropic.errors.RateLimitException limit) {
        throw RateLimitException.fromSdk(limit,
            limit.headers().values(RateLimitException.RETRY_AFTER_MS));
      }
      throw e;
    }
  }

  @Override
  public String provider() {
    return Models.ANTHROPIC;
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
