package com.acme.bench;

/** The argument whose properties the span-mode pointcuts capture (getters, as in real request types). */
public final class Request {
  private final String model;
  private final int maxTokens;
  private final String user;

  public Request(String model, int maxTokens, String user) {
    this.model = model;
    this.maxTokens = maxTokens;
    this.user = user;
  }

  public String getModel() {
    return model;
  }

  /** Captured as an attribute: an int above the Integer cache, so capturing it boxes (as real token counts do). */
  public int getMaxTokens() {
    return maxTokens;
  }

  public String getUser() {
    return user;
  }
}
