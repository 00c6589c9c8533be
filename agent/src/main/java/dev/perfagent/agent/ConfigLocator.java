package dev.perfagent.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the pointcut file: the agent argument {@code config=PATH}, else the system property
 * {@code perf.agent.config}, else the environment variable {@code PERF_AGENT_CONFIG}, else
 * {@code ./perf-agent.yaml} when it exists.
 */
final class ConfigLocator {
  static final String SYSTEM_PROPERTY = "perf.agent.config";
  static final String ENVIRONMENT_VARIABLE = "PERF_AGENT_CONFIG";
  static final String DEFAULT_FILE = "perf-agent.yaml";

  private ConfigLocator() {}

  static Optional<Path> locate(
      AgentArguments arguments, Map<String, String> environment, Path workingDirectory) {
    Optional<String> explicit = arguments.get("config");
    if (explicit.isEmpty()) {
      explicit = Optional.ofNullable(System.getProperty(SYSTEM_PROPERTY)).filter(s -> !s.isBlank());
    }
    if (explicit.isEmpty()) {
      explicit = Optional.ofNullable(environment.get(ENVIRONMENT_VARIABLE)).filter(s -> !s.isBlank());
    }
    if (explicit.isPresent()) {
      return Optional.of(Paths.get(explicit.get()));
    }
    Path fallback = workingDirectory.resolve(DEFAULT_FILE);
    return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
  }
}
