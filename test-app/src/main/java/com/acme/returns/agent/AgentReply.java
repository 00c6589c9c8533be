package com.acme.returns.agent;

/** What the agent answered in a conversation, and how the case ended. */
public final class AgentReply {

  /** How a conversation ended. */
  public enum Outcome { APPROVED, DENIED, ESCALATED, UNRESOLVED, FAILED }

  private final String conversationId;
  private final Outcome outcome;
  private final String text;
  private final int iterations;
  private final int toolCalls;

  AgentReply(String conversationId, Outcome outcome, String text, int iterations, int toolCalls) {
    this.conversationId = conversationId;
    this.outcome = outcome;
    this.text = text;
    this.iterations = iterations;
    this.toolCalls = toolCalls;
  }

  public String getConversationId() {
    return conversationId;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getText() {
    return text;
  }

  public int getIterations() {
    return iterations;
  }

  public int getToolCalls() {
    return toolCalls;
  }

  @Override
  public String toString() {
    return conversationId + " " + outcome + " after " + iterations + " iteration(s): " + text;
  }
}
