package com.acme.returns.agent;

import com.acme.returns.llm.Message;
import com.acme.returns.session.Session;
import com.acme.returns.tools.ToolCall;
import com.acme.returns.tools.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Everything the agent loop carries from one iteration to the next. Confined to one thread. */
public final class ConversationState {

  private final Conversation conversation;
  private final ModelRoute route;
  private final Random random;
  private final boolean freshSessions;
  private final List<Message> messages = new ArrayList<>();
  private final List<ToolCall> calls = new ArrayList<>();
  private final List<ToolResult> results = new ArrayList<>();
  private Session session;
  private int iterations;
  private String answer;

  ConversationState(Conversation conversation, ModelRoute route) {
    this.conversation = conversation;
    this.route = route;
    this.random = new Random(conversation.getSimulationSeed());
    // a quarter of the traffic comes through the legacy channel, whose sessions cannot be forked
    this.freshSessions = conversation.getIndex() % 4 == 1;
  }

  public Conversation getConversation() {
    return conversation;
  }

  public String getConversationId() {
    return conversation.getId();
  }

  public ModelRoute getRoute() {
    return route;
  }

  public Session getSession() {
    return session;
  }

  public String getPhase() {
    return session == null ? null : session.getPhase();
  }

  public int getIterations() {
    return iterations;
  }

  public List<Message> getMessages() {
    return List.copyOf(messages);
  }

  public boolean isFinished() {
    return answer != null;
  }

  boolean usesFreshSessions() {
    return freshSessions;
  }

  long nextSeed() {
    return random.nextLong();
  }

  void setSession(Session session) {
    this.session = session;
  }

  int beginIteration() {
    return ++iterations;
  }

  void add(Message message) {
    messages.add(message);
  }

  void record(ToolCall call, ToolResult result) {
    calls.add(call);
    results.add(result);
  }

  void finish(String text) {
    answer = text;
  }

  /** The eligibility verdict so far: null before check_eligibility ran. */
  Boolean eligible() {
    ToolResult result = lastResult("check_eligibility");
    return result == null || result.isError() ? null
        : Boolean.TRUE.equals(result.getData().get("eligible"));
  }

  /** A tool failed, or the eligibility check wants a human to decide. */
  boolean needsHuman() {
    for (ToolResult result : results) {
      if (result.isError()) {
        return true;
      }
    }
    ToolResult eligibility = lastResult("check_eligibility");
    return eligibility != null && Boolean.TRUE.equals(eligibility.getData().get("needs_review"));
  }

  AgentReply reply() {
    return new AgentReply(getConversationId(), outcome(), answer, iterations, calls.size());
  }

  AgentReply failed(String why) {
    return new AgentReply(getConversationId(), AgentReply.Outcome.FAILED, why, iterations,
        calls.size());
  }

  private AgentReply.Outcome outcome() {
    if (lastResult("escalate_to_human") != null) {
      return AgentReply.Outcome.ESCALATED;
    }
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      if (call.getToolName().equals("send_email") && !results.get(i).isError()) {
        String template = call.optionalString("template", "");
        if (template.equals("return_approved")) {
          return AgentReply.Outcome.APPROVED;
        }
        if (template.equals("return_denied")) {
          return AgentReply.Outcome.DENIED;
        }
      }
    }
    return AgentReply.Outcome.UNRESOLVED;
  }

  private ToolResult lastResult(String toolName) {
    for (int i = results.size() - 1; i >= 0; i--) {
      if (results.get(i).getToolName().equals(toolName)) {
        return results.get(i);
      }
    }
    return null;
  }
}
