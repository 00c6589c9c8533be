package dev.perfagent.agent.cost;

import dev.perfagent.config.Price;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Estimates what an LLM call cost from its span's GenAI attributes (model and token counts) and the
 * {@link PriceTable}: the agent's own attribute {@value #COST_KEY}, in USD. The semantic conventions
 * have no cost attribute yet (a proposal for {@code gen_ai.usage.cost.*} is open). Models without a
 * price are remembered, to be named once at exit. Used by the exporter thread alone.
 */
public final class CostEstimator {
  public static final String COST_KEY = "perf_agent.cost.usd";
  public static final AttributeKey<Double> COST = AttributeKey.doubleKey(COST_KEY);

  private final PriceTable prices;
  private final Set<String> unpriced = new TreeSet<>();

  public CostEstimator(PriceTable prices) {
    this.prices = prices;
  }

  /** {@code attributes} with the call's estimated cost added; unchanged when it has no tokens or no price. */
  public Attributes withCost(Attributes attributes) {
    Long input = attributes.get(GenAiKeys.INPUT_TOKENS);
    Long output = attributes.get(GenAiKeys.OUTPUT_TOKENS);
    if (input == null && output == null) {
      return attributes;
    }
    String provider = attributes.get(GenAiKeys.PROVIDER);
    Optional<Price> price = price(provider, attributes.get(GenAiKeys.RESPONSE_MODEL));
    if (price.isEmpty()) {
      price = price(provider, attributes.get(GenAiKeys.REQUEST_MODEL));
    }
    if (price.isEmpty()) {
      String model = Optional.ofNullable(attributes.get(GenAiKeys.RESPONSE_MODEL))
          .orElse(attributes.get(GenAiKeys.REQUEST_MODEL));
      if (model != null) {
        unpriced.add(provider == null ? model : model + " (" + provider + ")");
      }
      return attributes;
    }
    double cost = cost(
        price.get(), orZero(input), orZero(attributes.get(GenAiKeys.CACHE_READ_INPUT_TOKENS)),
        orZero(attributes.get(GenAiKeys.CACHE_CREATION_INPUT_TOKENS)),
        orZero(output));
    return attributes.toBuilder().put(COST, cost).build();
  }

  /** The provider's price of the model; any provider's when the provider is not in the table. */
  private Optional<Price> price(String provider, String model) {
    if (model == null) {
      return Optional.empty();
    }
    Optional<Price> price = prices.find(provider, model);
    return price.isEmpty() && provider != null ? prices.find(null, model) : price;
  }

  /**
   * What a call cost at {@code price} (USD per 1M tokens). {@code input} counts every input token,
   * cached ones included (as {@code gen_ai.usage.input_tokens} does); {@code cacheRead} and
   * {@code cacheWrite} are the parts of it read from and written to the provider's cache, priced at
   * their own rates; reasoning tokens are part of {@code output}.
   */
  static double cost(Price price, long input, long cacheRead, long cacheWrite, long output) {
    long uncached = Math.max(0, input - cacheRead - cacheWrite);
    return (uncached * price.input() + cacheRead * price.cachedInput() + cacheWrite * price.cacheWrite()
        + output * price.output()) / 1e6;
  }

  /** The models seen without a price, with their provider, sorted. */
  public Set<String> unpriced() {
    return Collections.unmodifiableSet(unpriced);
  }

  private static long orZero(Long count) {
    return count == null ? 0 : count;
  }
}
