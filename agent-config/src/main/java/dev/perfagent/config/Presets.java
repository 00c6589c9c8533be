package dev.perfagent.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in presets: pointcuts for libraries (the LLM SDKs), written in the same YAML a user
 * writes and shipped in the jar as {@code presets/<name>.yaml}. A config selects them with
 * {@code presets:}; a user pointcut with the name of a preset's pointcut replaces it.
 */
public final class Presets {
  /** Every preset, in the order they are listed and applied. */
  public static final List<String> NAMES = List.of("openai", "anthropic", "langchain4j", "spring-ai", "jdbc");
  static final String ALL = "all";
  static final String NONE = "none";

  private static final Map<String, List<Pointcut>> PARSED = new ConcurrentHashMap<>();

  private Presets() {}

  /** The YAML text of preset {@code name}, as shipped. */
  public static String yaml(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("no preset " + Texts.quote(name));
    }
    try (InputStream in = Presets.class.getResourceAsStream("presets/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("preset " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pointcuts of preset {@code name}, each marked with it. */
  static List<Pointcut> pointcuts(String name) {
    return PARSED.computeIfAbsent(name, Presets::parse);
  }

  private static List<Pointcut> parse(String name) {
    try {
      return ConfigLoader.parsePreset(yaml(name), name).pointcuts();
    } catch (ConfigException e) {
      throw new IllegalStateException("preset " + name + " is invalid: " + e.getMessage(), e);
    }
  }
}
