package com.acme.returns.llm;

/** A provider's chat API, bound to one model. */
public interface LlmClient extends AutoCloseable {

  /** One call to the provider; throws {@link RateLimitException} when throttled. */
  ChatResponse chat(ChatRequest request);

  /** "openai" or "anthropic". */
  String provider();

  String model();

  /** Releases the client's connections and threads. */
  @Override
  void close();
}
