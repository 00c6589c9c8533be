package com.acme.returns.provider;

import com.acme.returns.llm.ChatRequest;
import com.acme.returns.llm.ChatResponse;
import com.acme.returns.llm.Message;
import com.acme.returns.llm.Models;
import com.acme.returns.llm.RateLimitException;
import com.acme.returns.llm.Usage;
import com.acme.returns.support.Json;
import com.acme.returns.support.SimulatedLatency;
import com.acme.returns.tools.ToolCall;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated model: throttling, the scripted answer, token counts from message sizes and a
 * latency that grows with the tokens. Everything random comes from the request's seed, so a call
 * behaves the same whichever thread makes it.
 *
 * <p>The prompt cache: the system prompt and the tool schemas open every request of a
 * conversation. The model's first request with them writes them to its cache (reported by
 * providers that report cache writes), every later one reads them from it. (The system prompt
 * names the conversation, so the cache is the same whatever the thread interleaving.)
 */
final class SimulatedInference {

  private static final double RATE_LIMIT_PROBABILITY = 0.08;
  private static final long RETRY_AFTER_MILLIS = 5;
  private static final int TOKENS_PER_MESSAGE = 4;
  private static final int TOKENS_PER_TOOL_SCHEMA = 45;
  private static final double MAX_LATENCY_MILLIS = 45;

  /** The answer, and when its first and last tokens are ready (in unscaled milliseconds). */
  record Answer(ChatResponse response, double firstTokenMillis, double totalMillis) {}

  private final ProviderStyle style;
  private final String model;
  private final String responseModel;
  private final double millisPerOutputToken;
  private final ScriptedBrain brain = new ScriptedBrain();
  private final Set<String> cachedPrefixes = ConcurrentHashMap.newKeySet();

  SimulatedInference(ProviderStyle style, String model) {
    if (!style.provider.equals(Models.providerOf(model))) {
      throw new IllegalArgumentException(model + " is not a " + style.provider + " model");
    }
    this.style = style;
    this.model = model;
    this.responseModel = Models.responseModelOf(model);
    this.millisPerOutputToken = Models.isSmall(model) ? 0.3 : 0.5;
  }

  /** The model's answer; throws {@link RateLimitException} when the call is throttled. */
  Answer answer(ChatRequest request) {
    Random random = new Random(request.getSeed());
    if (random.nextDouble() < RATE_LIMIT_PROBABILITY) {
      SimulatedLatency.sleepMillis(1);
      throw new RateLimitException("Rate limit reached for " + model + " (simulated); retry in "
          + RETRY_AFTER_MILLIS + " ms", RETRY_AFTER_MILLIS);
    }
    ScriptedBrain.Decision decision = brain.decide(request.getMessages(), random);
    int inputTokens = inputTokens(request);
    int outputTokens = outputTokens(decision) + 8 + random.nextInt(24);
    double firstToken = Math.min(MAX_LATENCY_MILLIS, style.baseMillis + inputTokens * 0.002);
    double total = Math.min(MAX_LATENCY_MILLIS, firstToken + outputTokens * millisPerOutputToken);
    String finishReason = decision.isFinal() ? style.stopFinishReason
        : style.toolCallsFinishReason;
    ChatResponse response = new ChatResponse(style.responseId(random), responseModel,
        decision.text(), decision.toolCalls(), finishReason, usage(request, inputTokens,
        outputTokens));
    return new Answer(response, firstToken, total);
  }

  private Usage usage(ChatRequest request, int inputTokens, int outputTokens) {
    Message system = request.getMessages().isEmpty() ? null : request.getMessages().get(0);
    if (system == null || system.getRole() != Message.Role.SYSTEM) {
      return new Usage(inputTokens, outputTokens, 0, 0);
    }
    int prefix = request.getTools().size() * TOKENS_PER_TOOL_SCHEMA + messageTokens(system);
    boolean cached = !cachedPrefixes.add(request.getTools() + "\n" + system.getContent());
    int cacheWrites = !cached && style.reportsCacheWrites ? prefix : 0;
    return new Usage(inputTokens, outputTokens, cached ? prefix : 0, cacheWrites);
  }

  private int inputTokens(ChatRequest request) {
    int tokens = request.getTools().size() * TOKENS_PER_TOOL_SCHEMA;
    for (Message message : request.getMessages()) {
      tokens += messageTokens(message);
    }
    return tokens;
  }

  private int messageTokens(Message message) {
    int tokens = TOKENS_PER_MESSAGE + style.tokens(message.getContent().length());
    for (ToolCall call : message.getToolCalls()) {
      tokens += style.tokens(call.getToolName().length() + Json.render(call.getArguments())
          .length());
    }
    return tokens;
  }

  private int outputTokens(ScriptedBrain.Decision decision) {
    int chars = decision.text().length();
    for (ToolCall call : decision.toolCalls()) {
      chars += call.getToolName().length() + Json.render(call.getArguments()).length();
    }
    return style.tokens(chars);
  }
}
