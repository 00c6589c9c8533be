package com.acme.returns.agent;

import com.acme.returns.Counters;
import com.acme.returns.db.Database;
import com.acme.returns.llm.ChatRequest;
import com.acme.returns.llm.ChatResponse;
import com.acme.returns.llm.LlmGateway;
import com.acme.returns.llm.Message;
import com.acme.returns.llm.RateLimitException;
import com.acme.returns.rag.PolicyIndex;
import com.acme.returns.rag.PolicySnippet;
import com.acme.returns.session.Session;
import com.acme.returns.session.SessionManager;
import com.acme.returns.tools.Tool;
import com.acme.returns.tools.ToolCall;
import com.acme.returns.tools.ToolResult;
import com.acme.returns.tools.Toolbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The returns assistant: a tool-calling loop. Each iteration asks the model for the next step and
 * runs the tools it calls, feeding the results back, until the model answers without tools or the
 * iteration limit is reached.
 *
 * <p>The conversation moves through phases, each with its own model session: "triage" (small
 * model: look up and check the order), "resolution" (large model: act on the verdict) and
 * "escalation" (large model: hand over to a human after a failure or a review flag).
 */
public class ReturnsAgent {

  public static final String NAME = "returns-assistant";
  static final String TRIAGE = "triage";
  static final String RESOLUTION = "resolution";
  static final String ESCALATION = "escalation";

  private static final Logger log = LoggerFactory.getLogger(ReturnsAgent.class);
  private static final int POLICY_PASSAGES = 3;

  private final LlmGateway llm;
  private final Toolbox tools;
  private final SessionManager sessions;
  private final PolicyIndex policies;
  private final ConversationLog transcript;
  private final List<ModelRoute> routes;
  private final int maxIterations;

  public ReturnsAgent(LlmGateway llm, Toolbox tools, SessionManager sessions,
      PolicyIndex policies, Database database, List<ModelRoute> routes, int maxIterations) {
    if (routes.isEmpty() || maxIterations < 1) {
      throw new IllegalArgumentException("need at least one model route and one iteration");
    }
    this.llm = llm;
    this.tools = tools;
    this.sessions = sessions;
    this.policies = policies;
    this.transcript = new ConversationLog(database);
    this.routes = List.copyOf(routes);
    this.maxIterations = maxIterations;
  }

  public AgentReply handle(Conversation conversation) {
    Counters.CONVERSATIONS.increment();
    ConversationState state = new ConversationState(conversation,
        routes.get(conversation.getIndex() % routes.size()));
    try {
      List<PolicySnippet> policy = policies.search(conversation.getMessage(), POLICY_PASSAGES);
      state.add(Message.system(SystemPrompt.build(conversation, policy, tools.names())));
      state.add(Message.user(conversation.getMessage()));
      transcript.append(conversation.getId(), 0, "user", conversation.getMessage());
      enterPhase(state, TRIAGE);
      while (!state.isFinished() && state.getIterations() < maxIterations) {
        runIteration(state, state.getIterations() + 1);
      }
      return state.isFinished() ? state.reply()
          : state.failed("no answer after " + maxIterations + " iterations");
    } catch (RuntimeException e) {
      log.warn("{}: conversation failed: {}", conversation.getId(), e.toString());
      return state.failed(e.toString());
    } finally {
      if (state.getSession() != null) {
        sessions.close(state.getSession());
      }
    }
  }

  /** One turn: ask the model, run the tools it calls, and move to the next phase if needed. */
  public IterationResult runIteration(ConversationState state, int iteration) {
    Counters.AGENT_ITERATIONS.increment();
    state.beginIteration();
    String model = RESOLUTION.equals(state.getPhase()) || ESCALATION.equals(state.getPhase())
        ? state.getRoute().largeModel() : state.getRoute().smallModel();
    ChatRequest request = ChatRequest.builder()
        .model(model)
        .messages(state.getMessages())
        .maxTokens(model.equals(state.getRoute().smallModel()) ? 512 : 1024)
        .temperature(0.2)
        .tools(tools.names())
        .seed(state.nextSeed())
        .build();
    ChatResponse response;
    try {
      response = llm.complete(request);
    } catch (RateLimitException e) {
      // the gateway gave up retrying: spend this iteration waiting, ask again in the next one
      log.info("{}: {} still throttled after retries; trying again next iteration",
          state.getConversationId(), model);
      return new IterationResult(iteration, model, List.of(), false);
    }
    state.add(Message.assistant(response.getContent(), response.getToolCalls()));
    List<String> toolNames = new ArrayList<>();
    for (ToolCall call : response.getToolCalls()) {
      toolNames.add(call.getToolName());
    }
    transcript.append(state.getConversationId(), iteration, "assistant",
        toolNames.isEmpty() ? response.getContent()
            : response.getContent() + " [tools: " + String.join(", ", toolNames) + "]");
    if (toolNames.isEmpty()) {
      state.finish(response.getContent());
      return new IterationResult(iteration, model, toolNames, true);
    }
    for (ToolCall call : response.getToolCalls()) {
      ToolResult result = execute(state, call);
      state.record(call, result);
      state.add(Message.tool(result));
    }
    String next = nextPhase(state);
    if (!next.equals(state.getPhase())) {
      sessions.close(state.getSession());
      state.setSession(null);
      enterPhase(state, next);
    }
    return new IterationResult(iteration, model, toolNames, false);
  }

  private ToolResult execute(ConversationState state, ToolCall call) {
    Optional<Tool> tool = tools.find(call.getToolName());
    if (tool.isEmpty()) {
      return ToolResult.error(call, new IllegalArgumentException("no tool named "
          + call.getToolName()));
    }
    try {
      return tool.get().run(call);
    } catch (RuntimeException e) {
      log.info("{}: {} failed ({}); reporting the error to the model", state.getConversationId(),
          call.getToolName(), e.getMessage());
      return ToolResult.error(call, e);
    }
  }

  private static String nextPhase(ConversationState state) {
    if (state.needsHuman()) {
      return ESCALATION;
    }
    return state.eligible() != null ? RESOLUTION : TRIAGE;
  }

  private void enterPhase(ConversationState state, String phase) {
    Session session = state.usesFreshSessions() ? sessions.connect(phase) : sessions.fork(phase);
    state.setSession(session);
  }
}
