package com.acme.returns.llm;

import java.util.Map;
import java.util.TreeSet;

/** The models the app knows: their provider and the dated model name they answer with. */
public final class Models {

  public static final String OPENAI = "openai";
  public static final String ANTHROPIC = "anthropic";

  private record Entry(String provider, String responseModel) {}

  private static final Map<String, Entry> CATALOG = Map.of(
      "gpt-4o", new Entry(OPENAI, "gpt-4o-2024-08-06"),
      "gpt-4o-mini", new Entry(OPENAI, "gpt-4o-mini-2024-07-18"),
      "claude-sonnet-4-5", new Entry(ANTHROPIC, "claude-sonnet-4-5-20250929"),
      "claude-haiku-4-5", new Entry(ANTHROPIC, "claude-haiku-4-5-20251001"));

  private Models() {}

  public static String providerOf(String model) {
    return entry(model).provider();
  }

  public static String responseModelOf(String model) {
    return entry(model).responseModel();
  }

  /** Small models are faster per token. */
  public static boolean isSmall(String model) {
    return model.contains("mini") || model.contains("haiku");
  }

  private static Entry entry(String model) {
    Entry entry = CATALOG.get(model);
    if (entry == null) {
      throw new IllegalArgumentException("unknown model '" + model + "'; known: "
          + new TreeSet<>(CATALOG.keySet()));
    }
    return entry;
  }
}
