package com.acme.returns.llm;

import com.acme.returns.Counters;
import com.acme.returns.support.SimulatedLatency;

/** Routes a request to the pooled client of its model and retries when the provider throttles. */
public class LlmGateway {

  static final int MAX_ATTEMPTS = 3;

  private final ClientManager clients;

  public LlmGateway(ClientManager clients) {
    this.clients = clients;
  }

  public ChatResponse complete(ChatRequest request) {
    String model = request.getModel();
    String provider = Models.providerOf(model);
    LlmClient client = clients.getClient(provider, model);
    for (int attempt = 1; ; attempt++) {
      Counters.LLM_CALLS.increment();
      Counters.LLM_CALLS_BY_PROVIDER.increment(provider);
      Counters.LLM_CALLS_BY_MODEL.increment(model);
      try {
        ChatResponse response = client.chat(request.withSeed(attemptSeed(request, attempt)));
        Usage usage = response.getUsage();
        Counters.INPUT_TOKENS_BY_MODEL.add(model, usage.getInputTokens());
        Counters.OUTPUT_TOKENS_BY_MODEL.add(model, usage.getOutputTokens());
        Counters.CACHE_READ_TOKENS_BY_MODEL.add(model, usage.getCacheReadTokens());
        Counters.CACHE_WRITE_TOKENS_BY_MODEL.add(model, usage.getCacheWriteTokens());
        return response;
      } catch (RateLimitException e) {
        Counters.LLM_RATE_LIMITED.increment();
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
        SimulatedLatency.sleepMillis(e.getRetryAfterMillis() * attempt);
      }
    }
  }

  private static long attemptSeed(ChatRequest request, int attempt) {
    return request.getSeed() + attempt * 0x9E3779B97F4A7C15L;
  }
}
