package com.acme.returns.llm;

import java.util.List;

/**
 * A chat completion request. {@code seed} plays the part of the providers' sampling seed: the
 * simulated models draw everything random (rate limits, ids, token jitter) from it.
 */
public final class ChatRequest {

  private final String model;
  private final List<Message> messages;
  private final int maxTokens;
  private final double temperature;
  private final List<String> tools;
  private final long seed;

  private ChatRequest(Builder b) {
    this.model = b.model;
    this.messages = List.copyOf(b.messages);
    this.maxTokens = b.maxTokens;
    this.temperature = b.temperature;
    this.tools = List.copyOf(b.tools);
    this.seed = b.seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String getModel() {
    return model;
  }

  public List<Message> getMessages() {
    return messages;
  }

  public int getMaxTokens() {
    return maxTokens;
  }

  public double getTemperature() {
    return temperature;
  }

  /** Names of the tools the model may call. */
  public List<String> getTools() {
    return tools;
  }

  public long getSeed() {
    return seed;
  }

  /** The same request with another seed (each retry attempt samples anew). */
  public ChatRequest withSeed(long newSeed) {
    return toBuilder().seed(newSeed).build();
  }

  public Builder toBuilder() {
    return new Builder().model(model).messages(messages).maxTokens(maxTokens)
        .temperature(temperature).tools(tools).seed(seed);
  }

  /** Builds a {@link ChatRequest}. */
  public static final class Builder {
    private String model;
    private List<Message> messages = List.of();
    private int maxTokens = 1024;
    private double temperature = 0.2;
    private List<String> tools = List.of();
    private long seed;

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder messages(List<Message> messages) {
      this.messages = messages;
      return this;
    }

    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    public Builder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    public Builder tools(List<String> tools) {
      this.tools = tools;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public ChatRequest build() {
      if (model == null || model.isEmpty()) {
        throw new IllegalStateException("model is required");
      }
      return new ChatRequest(this);
    }
  }
}
