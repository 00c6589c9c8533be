package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Test helpers: build YAML from lines, parse it, collect the problem lines. */
final class Yaml {
  static final String SOURCE = "t.yaml";

  private Yaml() {}

  /** Lines joined with '\n', with a trailing newline. No text blocks at Java 11. */
  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static AgentConfig parse(String... lines) {
    try {
      return ConfigLoader.parse(lines(lines), SOURCE);
    } catch (ConfigException e) {
      return fail("expected a valid config, got:\n" + e.getMessage());
    }
  }

  static ConfigException invalid(String... lines) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.parse(lines(lines), SOURCE));
  }

  /** The problems of an invalid config, each as "t.yaml:line:col: message". */
  static List<String> problems(String... lines) {
    List<String> result = new ArrayList<>();
    for (ConfigProblem p : invalid(lines).problems()) {
      result.add(p.toString());
    }
    return result;
  }

  /** A single pointcut with the given extra lines (each indented under the list item). */
  static Pointcut pointcut(String... extra) {
    AgentConfig config = parse(pointcutYaml(extra));
    return config.pointcuts().get(0);
  }

  /** Lines of a config with one pointcut "p" on com.acme.C#run plus extra lines; line 5 is the first extra. */
  static String[] pointcutYaml(String... extra) {
    List<String> all = new ArrayList<>(List.of("pointcuts:", "  - name: p", "    class: com.acme.C", "    method: run"));
    for (String e : extra) {
      all.add("    " + e);
    }
    return all.toArray(new String[0]);
  }

  static List<String> pointcutProblems(String... extra) {
    return problems(pointcutYaml(extra));
  }
}
