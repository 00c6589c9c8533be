package com.acme.returns.llm;

import com.acme.returns.Counters;
import com.acme.returns.support.SingleFlight;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pool of provider clients, one per (provider, model). Creating a client is a cold start (an SDK
 * client with its HTTP client and connection pool); concurrent misses on one key create it once.
 */
public class ClientManager implements AutoCloseable {

  private final String baseUrl;
  private final SingleFlight<String, LlmClient> pool = new SingleFlight<>();
  private final List<LlmClient> created = new CopyOnWriteArrayList<>();

  /** {@code baseUrl}: where the providers' APIs are served. */
  public ClientManager(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public LlmClient getClient(String provider, String model) {
    Counters.POOL_LOOKUPS.increment();
    return pool.get(provider + "/" + model, key -> {
      Counters.POOL_MISSES.increment();
      return createClient(provider, model);
    });
  }

  public LlmClient createClient(String provider, String model) {
    Counters.CLIENT_CREATES.increment();
    LlmClient client;
    switch (provider) {
      case Models.OPENAI:
        client = Models.viaLangChain4j(model) ? new LangChainChatClient(model, baseUrl)
            : new OpenAiChatClient(model, baseUrl);
        break;
      case Models.ANTHROPIC:
        client = new AnthropicMessagesClient(model, baseUrl);
        break;
      default:
        throw new IllegalArgumentException("unknown provider '" + provider + "'");
    }
    created.add(client);
    return client;
  }

  public int size() {
    return pool.size();
  }

  @Override
  public void close() {
    created.forEach(LlmClient::close);
  }
}
