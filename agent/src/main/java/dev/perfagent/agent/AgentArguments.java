package dev.perfagent.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code key=value,key=value} string after {@code -javaagent:perf-agent.jar=}. */
final class AgentArguments {
  private final Map<String, String> values;

  private AgentArguments(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  static AgentArguments parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    if (text != null) {
      for (String part : text.split(",")) {
        String trimmed = part.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        int eq = trimmed.indexOf('=');
        if (eq < 0) {
          // a bare value is the config path: -javaagent:perf-agent.jar=/path/perf-agent.yaml
          values.put("config", trimmed);
        } else {
          values.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
        }
      }
    }
    return new AgentArguments(values);
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
  }
}
