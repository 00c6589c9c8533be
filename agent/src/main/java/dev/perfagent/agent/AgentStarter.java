package dev.perfagent.agent;

import dev.perfagent.bootstrap.AgentThreads;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ContentSwitch;
import java.lang.instrument.Instrumentation;
import java.nio.file.Paths;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Starts the agent once the configuration is read and the bootstrap classes are in place: builds and
 * starts the configuration's {@link Generation} and registers the exit flush. Any failure leaves the
 * application running uninstrumented.
 */
public final class AgentStarter {
  private static final long SHUTDOWN_WAIT_MILLIS = 5_000;

  /** The generation in force; replaced whole, never changed. */
  private static volatile Generation current;

  private AgentStarter() {}

  public static void start(LoadedConfig loaded, AgentArguments arguments, Instrumentation inst) {
    AgentConfig config = loaded.config();
    Logger log = AgentLog.init(ConfigStep.explicitLogLevel(arguments).orElse(config.export().logLevel()));
    Generation generation = Generation.start(withContentSwitch(config, log), inst, log);
    current = generation;
    watch(loaded, arguments, generation, log);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  AgentThreads.markCurrent();
                  current.shutdown(SHUTDOWN_WAIT_MILLIS);
                },
                "perf-agent-shutdown"));
  }

  /**
   * Starts watching the configuration file, unless there is none or {@code watch: false} (in the file)
   * or {@code watch=false} (agent argument) says not to.
   */
  private static void watch(LoadedConfig loaded, AgentArguments arguments, Generation generation, Logger log) {
    AgentConfig config = loaded.config();
    Optional<String> argument = arguments.get("watch");
    if (argument.isPresent() && !argument.get().equals("true") && !argument.get().equals("false")) {
      log.warn("perf-agent: agent argument watch={} is not true or false; the file is watched", argument.get());
    }
    boolean on = argument.map(a -> !a.equals("false")).orElse(config.watch());
    if (!on || config.source().equals(ConfigStep.NO_FILE)) {
      return;
    }
    new ConfigWatcher(
            Paths.get(config.source()), loaded.content(), generation::apply, generation.stats().configChangesRefused::increment, log)
        .start();
  }

  /** {@code config} with message content captured when the variable, property or file says so. */
  private static AgentConfig withContentSwitch(AgentConfig config, Logger log) {
    ContentSwitch content =
        ContentSwitch.decide(config.content().capture(), System.getenv(), System.getProperties());
    content.warning().ifPresent(w -> log.warn("perf-agent: {}", w));
    if (!content.on()) {
      return config;
    }
    log.info("perf-agent: message content is captured ({}), cut at {} characters; it may hold personal data",
        content.source(), config.content().maxLength());
    return config.capturingContent();
  }
}
