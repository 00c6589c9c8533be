package com.acme.returns.provider;

import com.acme.returns.llm.Models;
import com.acme.returns.support.Ids;
import java.util.Random;

/**
 * What differs between the simulated providers: ids, finish reasons, tokenizer, speed, and whether
 * the usage reports the tokens written to the prompt cache (Anthropic does, OpenAI only reads).
 */
enum ProviderStyle {
  OPENAI(Models.OPENAI, "chatcmpl-", 29, "tool_calls", "stop", 4.0, 10.0, false),
  ANTHROPIC(Models.ANTHROPIC, "msg_01", 22, "tool_use", "end_turn", 3.5, 13.0, true);

  final String provider;
  private final String idPrefix;
  private final int idLength;
  final String toolCallsFinishReason;
  final String stopFinishReason;
  /** Characters per token of the provider's tokenizer (roughly). */
  final double charsPerToken;
  /** Time to first token, in milliseconds. */
  final double baseMillis;
  final boolean reportsCacheWrites;

  ProviderStyle(String provider, String idPrefix, int idLength, String toolCallsFinishReason,
      String stopFinishReason, double charsPerToken, double baseMillis,
      boolean reportsCacheWrites) {
    this.provider = provider;
    this.idPrefix = idPrefix;
    this.idLength = idLength;
    this.toolCallsFinishReason = toolCallsFinishReason;
    this.stopFinishReason = stopFinishReason;
    this.charsPerToken = charsPerToken;
    this.baseMillis = baseMillis;
    this.reportsCacheWrites = reportsCacheWrites;
  }

  String responseId(Random random) {
    return idPrefix + Ids.base62(random, idLength);
  }

  int tokens(int chars) {
    return (int) Math.ceil(chars / charsPerToken);
  }
}
