package dev.perfagent.agent.cost;

import dev.perfagent.config.Price;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The price of each model: the config's {@code prices:} first (by exact name), then the table shipped
 * in the agent ({@value #SHIPPED}, from GenAI Prices by Pydantic): a model's own id and aliases, then
 * its name rules (prefix, substring, regular expression) in the table's order. Names are compared
 * without regard to case. Not thread-safe: the exporter thread alone asks.
 */
public final class PriceTable {
  static final String SHIPPED = "genai-prices.txt";

  private final Map<String, Price> configured = new HashMap<>();
  private final List<Entry> shipped = new ArrayList<>();
  private final Map<String, Optional<Price>> found = new HashMap<>();

  private PriceTable() {}

  /** The shipped table with {@code configured} prices (model name to USD per 1M tokens) on top. */
  public static PriceTable with(Map<String, Price> configured) {
    PriceTable table = new PriceTable();
    configured.forEach((model, p) -> table.configured.put(model.toLowerCase(Locale.ROOT), p));
    try (InputStream in = PriceTable.class.getResourceAsStream(SHIPPED);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          table.shipped.add(Entry.parse(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }

  /** The price of {@code model} of {@code provider} (null: any provider). */
  Optional<Price> find(String provider, String model) {
    String name = model.toLowerCase(Locale.ROOT);
    return found.computeIfAbsent(provider + "/" + name, k -> lookUp(provider, name));
  }

  private Optional<Price> lookUp(String provider, String name) {
    Price own = configured.get(name);
    if (own != null) {
      return Optional.of(own);
    }
    for (Entry e : shipped) {
      if (e.of(provider) && e.names.contains(name)) {
        return Optional.of(e.price);
      }
    }
    for (Entry e : shipped) {
      if (e.of(provider) && e.rules.stream().anyMatch(rule -> rule.test(name))) {
        return Optional.of(e.price);
      }
    }
    return Optional.empty();
  }

  /** One line of the shipped table: provider, model, four prices, then the names that match it. */
  private static final class Entry {
    final String provider;
    final List<String> names = new ArrayList<>();
    final List<Predicate<String>> rules = new ArrayList<>();
    Price price;

    private Entry(String provider) {
      this.provider = provider;
    }

    boolean of(String wanted) {
      return wanted == null || wanted.equals(provider);
    }

    static Entry parse(String line) {
      String[] words = line.trim().split("\\s+");
      Entry e = new Entry(words[0]);
      e.names.add(words[1].toLowerCase(Locale.ROOT));
      double input = amount(words[2]);
      e.price = new Price(input, amount(words[3], input), amount(words[4], input), amount(words[5]));
      for (int i = 6; i < words.length; i++) {
        String rule = words[i];
        String value = rule.substring(rule.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        if (rule.startsWith("alias:")) {
          e.names.add(value);
        } else if (rule.startsWith("prefix:")) {
          e.rules.add(name -> name.startsWith(value));
        } else if (rule.startsWith("contains:")) {
          e.rules.add(name -> name.contains(value));
        } else if (rule.startsWith("regex:")) {
          Pattern pattern = Pattern.compile(rule.substring("regex:".length()), Pattern.CASE_INSENSITIVE);
          e.rules.add(name -> pattern.matcher(name).matches());
        } else {
          throw new IllegalStateException("bad name rule in " + SHIPPED + ": " + rule);
        }
      }
      return e;
    }

    private static double amount(String text) {
      return amount(text, 0);
    }

    private static double amount(String text, double absent) {
      return text.equals("-") ? absent : Double.parseDouble(text);
    }
  }
}
