package dev.perfagent.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** A Prometheus rule file: its alerts, recording rules and their PromQL. */
final class RuleFiles {
  private RuleFiles() {}

  /** Each alert's annotations, by alert name, in file order. */
  static Map<String, Map<String, String>> alerts(Path file) throws IOException {
    Map<String, Map<String, String>> alerts = new LinkedHashMap<>();
    for (Map<String, Object> rule : rules(file)) {
      if (rule.containsKey("alert")) {
        @SuppressWarnings("unchecked")
        Map<String, String> annotations = (Map<String, String>) rule.getOrDefault("annotations", Map.of());
        alerts.put((String) rule.get("alert"), annotations);
      }
    }
    return alerts;
  }

  /** The expression of every rule, by its alert or record name. */
  static Map<String, String> expressions(Path file) throws IOException {
    Map<String, String> expressions = new LinkedHashMap<>();
    for (Map<String, Object> rule : rules(file)) {
      expressions.put((String) rule.getOrDefault("alert", rule.get("record")), (String) rule.get("expr"));
    }
    return expressions;
  }

  /** The names the file's recording rules define. */
  static List<String> recorded(Path file) throws IOException {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> rule : rules(file)) {
      if (rule.containsKey("record")) {
        names.add((String) rule.get("record"));
      }
    }
    return names;
  }

  /**
   * What an alert compares: {@code expr} without its last top-level comparison ({@code x > 0.05}
   * gives {@code x}), so that it returns series whether the alert fires or not.
   */
  static String measure(String expr) {
    int depth = 0;
    int cut = -1;
    boolean quoted = false;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '{' || c == '[')) {
        depth++;
      } else if (!quoted && (c == ')' || c == '}' || c == ']')) {
        depth--;
      } else if (!quoted && depth == 0 && (c == '>' || c == '<' || (c == '=' && i + 1 < expr.length()
          && expr.charAt(i + 1) == '=') || (c == '!' && i + 1 < expr.length() && expr.charAt(i + 1) == '='))) {
        cut = i;
        i++; // the second character of >=, <=, ==, !=
      }
    }
    if (cut < 0) {
      throw new AssertionError("no top-level comparison in an alert's expression: " + expr);
    }
    return expr.substring(0, cut).trim();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules(Path file) throws IOException {
    Load load = new Load(LoadSettings.builder().setLabel(file.toString()).build());
    Map<String, Object> root = (Map<String, Object>) load.loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
      rules.addAll((List<Map<String, Object>>) group.get("rules"));
    }
    return rules;
  }
}
