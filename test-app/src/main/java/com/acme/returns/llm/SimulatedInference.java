package com.acme.returns.llm;

import com.acme.returns.support.Json;
import com.acme.returns.support.SimulatedLatency;
import com.acme.returns.tools.ToolCall;
import java.util.Random;

/**
 * The shared body of the simulated provider clients: throttling, the scripted model, token counts
 * from message sizes and a latency that grows with the tokens. Everything random comes from the
 * request's seed, so a call behaves the same whichever thread makes it.
 */
final class SimulatedInference {

  private static final double RATE_LIMIT_PROBABILITY = 0.08;
  private static final long RETRY_AFTER_MILLIS = 5;
  private static final int TOKENS_PER_MESSAGE = 4;
  private static final int TOKENS_PER_TOOL_SCHEMA = 45;
  private static final double MAX_LATENCY_MILLIS = 45;

  private final ProviderStyle style;
  private final String model;
  private final String responseModel;
  private final double millisPerOutputToken;
  private final ScriptedBrain brain = new ScriptedBrain();

  SimulatedInference(ProviderStyle style, String model) {
    if (!style.provider.equals(Models.providerOf(model))) {
      throw new IllegalArgumentException(model + " is not a " + style.provider + " model");
    }
    this.style = style;
    this.model = model;
    this.responseModel = Models.responseModelOf(model);
    this.millisPerOutputToken = Models.isSmall(model) ? 0.3 : 0.5;
  }

  ChatResponse respond(ChatRequest request) {
    if (!model.equals(request.getModel())) {
      throw new IllegalArgumentException("this client serves " + model + ", not "
          + request.getModel());
    }
    Random random = new Random(request.getSeed());
    if (random.nextDouble() < RATE_LIMIT_PROBABILITY) {
      SimulatedLatency.sleepMillis(1);
      throw new RateLimitException("429 from " + style.provider + ": rate limit reached for "
          + model, RETRY_AFTER_MILLIS);
    }
    ScriptedBrain.Decision decision = brain.decide(request.getMessages(), random);
    int inputTokens = inputTokens(request);
    int outputTokens = outputTokens(decision) + 8 + random.nextInt(24);
    SimulatedLatency.sleepMillis(Math.min(MAX_LATENCY_MILLIS,
        style.baseMillis + outputTokens * millisPerOutputToken + inputTokens * 0.002));
    String finishReason = decision.isFinal() ? style.stopFinishReason
        : style.toolCallsFinishReason;
    return new ChatResponse(style.responseId(random), responseModel, decision.text(),
        decision.toolCalls(), finishReason, new Usage(inputTokens, outputTokens));
  }

  private int inputTokens(ChatRequest request) {
    int tokens = request.getTools().size() * TOKENS_PER_TOOL_SCHEMA;
    for (Message message : request.getMessages()) {
      tokens += TOKENS_PER_MESSAGE + style.tokens(message.getContent().length());
      for (ToolCall call : message.getToolCalls()) {
        tokens += style.tokens(call.getToolName().length() + Json.render(call.getArguments())
            .length());
      }
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
