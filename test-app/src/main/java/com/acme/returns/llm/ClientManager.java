package com.acme.returns.llm;

import com.acme.returns.Counters;
import com.acme.returns.support.SimulatedLatency;
import com.acme.returns.support.SingleFlight;

/**
 * A pool of provider clients, one per (provider, model). Creating a client is a cold start (key
 * lookup, connection pool warm-up); concurrent misses on one key create it once.
 */
public class ClientManager {

  private static final double CREATE_MILLIS = 30;

  private final SingleFlight<String, LlmClient> pool = new SingleFlight<>();

  public LlmClient getClient(String provider, String model) {
    Counters.POOL_LOOKUPS.increment();
    return pool.get(provider + "/" + model, key -> {
      Counters.POOL_MISSES.increment();
      return createClient(provider, model);
    });
  }

  public LlmClient createClient(String provider, String model) {
    Counters.CLIENT_CREATES.increment();
    SimulatedLatency.sleepMillis(CREATE_MILLIS);
    switch (provider) {
      case Models.OPENAI:
        return new OpenAiChatClient(model);
      case Models.ANTHROPIC:
        return new AnthropicMessagesClient(model);
      default:
        throw new IllegalArgumentException("unknown provider '" + provider + "'");
    }
  }

  public int size() {
    return pool.size();
  }
}
