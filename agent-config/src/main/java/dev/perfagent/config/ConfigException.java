package dev.perfagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Thrown when a configuration file cannot be read or is invalid. Carries every problem found. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<ConfigProblem> problems;

  ConfigException(String source, List<ConfigProblem> problems) {
    super(format(source, problems));
    this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
  }

  /** All problems, in file order (line, then column). */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String format(String source, List<ConfigProblem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size()).append(problems.size() == 1 ? " problem in " : " problems in ");
    sb.append(source).append(':');
    for (ConfigProblem p : problems) {
      sb.append('\n').append(p);
    }
    return sb.toString();
  }
}
