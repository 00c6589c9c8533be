package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricesTest {
  private static AgentConfig parse(String... lines) throws ConfigException {
    return ConfigLoader.parse(String.join("\n", lines), "t.yaml");
  }

  private static List<String> problems(String... lines) {
    return assertThrows(ConfigException.class, () -> parse(lines)).problems().stream()
        .map(Object::toString).collect(java.util.stream.Collectors.toList());
  }

  @Test
  void pricesPerMillionTokensWithCachePricesDefaultingToTheInputPrice() throws ConfigException {
    Map<String, Price> prices = parse(
        "prices:",
        "  my-model: {input: 2, output: 8}",
        "  gpt-4o-mini: {input: 0.15, cached-input: 0.075, cache-write: 0.2, output: 0.6}").prices();
    assertEquals(List.of("my-model", "gpt-4o-mini"), List.copyOf(prices.keySet()));
    Price mine = prices.get("my-model");
    assertEquals(2, mine.cachedInput());
    assertEquals(2, mine.cacheWrite());
    assertEquals(0.075, prices.get("gpt-4o-mini").cachedInput());
    assertEquals(Map.of(), parse("service: s").prices());
  }

  @Test
  void badPricesAreReportedWhereTheyAre() {
    assertEquals(List.of(
        "t.yaml:2:6: prices: a is missing 'output' (USD per 1M output tokens)",
        "t.yaml:3:25: prices: b: output: expected a number of USD per 1M tokens (0 or more), got '-1'",
        "t.yaml:4:7: unknown key 'inptu'; expected one of: input, cached-input, cache-write, output;"
            + " did you mean 'input'?"),
        problems("prices:", "  a: {input: 1}", "  b: {input: 1, output: -1}", "  c: {inptu: 1, output: 2}"));
  }
}
