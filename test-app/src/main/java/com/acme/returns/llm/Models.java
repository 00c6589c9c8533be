package com.acme.returns.llm;

import java.util.Map;
import java.util.TreeSet;

/**
 * The models the app knows: their provider, the dated model name they answer with, and whether the
 * app reaches them through LangChain4j rather than the provider's SDK.
 */
public final class Models {

  public static final String OPENAI = "openai";
  public static final String ANTHROPIC = "anthropic";

  private record Entry(String provider, String responseModel, boolean viaLangChain4j) {}

  private static final Map<String, Entry> CATALOG = Map.of(
      "gpt-4o", new Entry(OPENAI, "gpt-4o-2024-08-06", false),
      "gpt-4o-mini", new Entry(OPENAI, "gpt-4o-mini-2024-07-18", true),
      "claude-sonnet-4-5", new Entry(ANTHROPIC, "claude-sonnet-4-5-20250929", false),
      "claude-haiku-4-5", new Entry(ANTHROPIC, "claude-haiku-4-5-20251001", false));

  private Models() {}

  public static String providerOf(String model) {
    return entry(model).provider();
  }

  public static String responseModelOf(String model) {
    return entry(model).responseModel();
  }

  /** Whether the app calls {@code model} through LangChain4j (else through its provider's SDK). */
  public static boolean viaLangChain4j(String model) {
    return entry(model).viaLangChain4j();
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
