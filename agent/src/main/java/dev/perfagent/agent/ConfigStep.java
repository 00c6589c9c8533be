package dev.perfagent.agent;

import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ConfigException;
import dev.perfagent.config.ConfigLoader;
import dev.perfagent.config.Presets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Finds and reads the configuration. Without a file the built-in presets are on, with default
 * settings; with a broken file it says so once and the agent does nothing else (the application runs
 * uninstrumented).
 */
final class ConfigStep {
  static final String LOG_LEVEL_PROPERTY = "perf.agent.log.level";
  /** The source named for the configuration when there is no file. */
  static final String NO_FILE = "none (built-in presets)";

  private ConfigStep() {}

  static Optional<LoadedConfig> read(AgentArguments arguments) {
    Optional<Path> file = ConfigLocator.locate(arguments, System.getenv(), Paths.get(""));
    if (file.isEmpty()) {
      System.err.println(
          "perf-agent: no configuration file (agent argument config=..., -D" + ConfigLocator.SYSTEM_PROPERTY
              + ", $" + ConfigLocator.ENVIRONMENT_VARIABLE + " or ./" + ConfigLocator.DEFAULT_FILE
              + "); the built-in presets are on: " + String.join(", ", Presets.NAMES));
      return Optional.of(new LoadedConfig(AgentConfig.defaults(NO_FILE), null));
    }
    try {
      byte[] content = ConfigLoader.read(file.get());
      return Optional.of(new LoadedConfig(ConfigLoader.parseBytes(content, file.get().toString()), content));
    } catch (ConfigException e) {
      AgentLog.init(explicitLogLevel(arguments).orElse("info"))
          .error("perf-agent: {}\nperf-agent: the application runs without instrumentation", e.getMessage());
      return Optional.empty();
    }
  }

  /** The log level from the agent argument {@code log-level=} or {@code -Dperf.agent.log.level}. */
  static Optional<String> explicitLogLevel(AgentArguments arguments) {
    return arguments.get("log-level").or(() -> Optional.ofNullable(System.getProperty(LOG_LEVEL_PROPERTY)));
  }
}
