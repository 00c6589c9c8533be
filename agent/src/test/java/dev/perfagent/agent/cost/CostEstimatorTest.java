package dev.perfagent.agent.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.perfagent.config.Price;
import io.opentelemetry.api.common.Attributes;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Costs worked out by hand from the shipped prices (USD per 1M tokens). */
class CostEstimatorTest {
  private final CostEstimator costs = new CostEstimator(PriceTable.with(Map.of()));

  private static Attributes call(String provider, String model, long input, long cacheRead, long cacheWrite,
      long output) {
    return Attributes.builder()
        .put("gen_ai.provider.name", provider).put("gen_ai.response.model", model)
        .put("gen_ai.usage.input_tokens", input).put("gen_ai.usage.output_tokens", output)
        .put("gen_ai.usage.cache_read.input_tokens", cacheRead)
        .put("gen_ai.usage.cache_creation.input_tokens", cacheWrite).build();
  }

  private Double cost(Attributes call) {
    return costs.withCost(call).get(CostEstimator.COST);
  }

  @Test
  void openAiCachedTokensArePartOfThePromptTokens() {
    // gpt-4o-mini: input 0.15, cached input 0.075, output 0.6; 120 prompt tokens of which 100 cached
    double expected = (20 * 0.15 + 100 * 0.075 + 30 * 0.6) / 1e6;
    assertEquals(expected, cost(call("openai", "gpt-4o-mini-2024-07-18", 120, 100, 0, 30)), 1e-12);
  }

  @Test
  void anthropicCacheReadsAndWritesArePricedOnTopOfTheRest() {
    // claude-sonnet-4: input 3, cache read 0.3, cache write 3.75, output 15; input_tokens 23 + 3 + 2
    double expected = (23 * 3 + 3 * 0.3 + 2 * 3.75 + 40 * 15) / 1e6;
    assertEquals(expected, cost(call("anthropic", "claude-sonnet-4-20250514", 28, 3, 2, 40)), 1e-12);
  }

  @Test
  void datedNamesFindTheirModelAndTheConfigWins() {
    assertEquals((1000 * 2.5 + 10 * 10) / 1e6, cost(call("openai", "gpt-4o-2024-08-06", 1000, 0, 0, 10)), 1e-12);
    CostEstimator configured = new CostEstimator(
        PriceTable.with(Map.of("GPT-4O-2024-08-06", new Price(1, 0.5, 1, 2))));
    assertEquals((1000 * 1 + 10 * 2) / 1e6,
        configured.withCost(call("openai", "gpt-4o-2024-08-06", 1000, 0, 0, 10)).get(CostEstimator.COST), 1e-12);
  }

  @Test
  void aModelWithoutAPriceGetsNoCostAndIsRemembered() {
    Attributes unknown = call("openai", "my-finetune-7", 10, 0, 0, 10);
    assertSame(unknown, costs.withCost(unknown));
    assertEquals(Set.of("my-finetune-7 (openai)"), costs.unpriced());
  }

  @Test
  void aSpanWithoutTokensIsLeftAlone() {
    Attributes noTokens = Attributes.builder().put("gen_ai.response.model", "gpt-4o").build();
    assertNull(costs.withCost(noTokens).get(CostEstimator.COST));
  }

  @Test
  void embeddingsCostTheirInputTokens() {
    Attributes embedding = Attributes.builder().put("gen_ai.provider.name", "openai")
        .put("gen_ai.request.model", "text-embedding-3-small").put("gen_ai.usage.input_tokens", 8L).build();
    assertEquals(8 * 0.02 / 1e6, costs.withCost(embedding).get(CostEstimator.COST), 1e-15);
  }
}
