package dev.perfagent.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads the {@code prices:} mapping: model name to its prices in USD per million tokens. */
final class PricesReader {
  static final List<String> KEYS = List.of("input", "cached-input", "cache-write", "output");

  private final Problems problems;
  private final Values values;

  PricesReader(Problems problems) {
    this.problems = problems;
    this.values = new Values(problems);
  }

  /** Model name to price, in file order; null when there are problems (all reported). */
  Map<String, Price> read(MappingNode mapping) {
    Fields models = Fields.read(mapping, null, "model name", problems);
    Map<String, Price> prices = new LinkedHashMap<>();
    boolean ok = models.keys().size() == mapping.getValue().size();
    for (String model : models.keys()) {
      MappingNode entry = values.mapping("prices: " + model, models.value(model), "a mapping of "
          + String.join(", ", KEYS) + " (USD per 1M tokens)");
      if (entry == null) {
        ok = false;
        continue;
      }
      Fields f = Fields.read(entry, KEYS, problems);
      String label = "prices: " + model;
      f.require("input", label + " is missing 'input' (USD per 1M input tokens)", problems);
      f.require("output", label + " is missing 'output' (USD per 1M output tokens)", problems);
      Double input = f.has("input") ? amount(label + ": input", f.value("input")) : null;
      Double output = f.has("output") ? amount(label + ": output", f.value("output")) : null;
      Double cached = f.has("cached-input") ? amount(label + ": cached-input", f.value("cached-input")) : input;
      Double write = f.has("cache-write") ? amount(label + ": cache-write", f.value("cache-write")) : input;
      if (input == null || output == null || cached == null || write == null) {
        ok = false;
        continue;
      }
      prices.put(model, new Price(input, cached, write, output));
    }
    return ok ? prices : null;
  }

  /** A plain number of USD, 0 or more. */
  private Double amount(String label, Node node) {
    if (Nodes.isPlain(node)) {
      try {
        double value = Double.parseDouble(((ScalarNode) node).getValue().trim());
        if (value >= 0 && !Double.isInfinite(value)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problems.at(node, label + ": expected a number of USD per 1M tokens (0 or more), got " + Nodes.describe(node));
    return null;
  }
}
