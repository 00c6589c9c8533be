package dev.perfagent.agent;

import dev.perfagent.agent.export.ExportLoop;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.agent.weave.Weaver;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ConfigException;
import dev.perfagent.config.ConfigLoader;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Starts the agent once the bootstrap classes are in place: finds and reads the config, starts the
 * exporter thread, weaves, and registers the exit flush. Any failure leaves the application running
 * uninstrumented.
 */
public final class AgentStarter {
  static final String LOG_LEVEL_PROPERTY = "perf.agent.log.level";
  private static final long SHUTDOWN_WAIT_MILLIS = 10_000;

  private AgentStarter() {}

  public static void start(String args, Instrumentation inst) {
    AgentArguments arguments = AgentArguments.parse(args);
    Optional<Path> file = ConfigLocator.locate(arguments, System.getenv(), Paths.get(""));
    if (file.isEmpty()) {
      System.err.println(
          "perf-agent: no configuration (agent argument config=..., -D" + ConfigLocator.SYSTEM_PROPERTY
              + ", $" + ConfigLocator.ENVIRONMENT_VARIABLE + " or ./" + ConfigLocator.DEFAULT_FILE
              + "); nothing is instrumented");
      return;
    }
    Optional<String> explicitLevel =
        arguments.get("log-level").or(() -> Optional.ofNullable(System.getProperty(LOG_LEVEL_PROPERTY)));
    AgentConfig config;
    try {
      config = ConfigLoader.load(file.get());
    } catch (ConfigException e) {
      AgentLog.init(explicitLevel.orElse("info"))
          .error("perf-agent: {}\nperf-agent: the application runs without instrumentation", e.getMessage());
      return;
    }
    Logger log = AgentLog.init(explicitLevel.orElse(config.export().logLevel()));
    PointcutCatalog catalog =
        PointcutCatalog.compile(config, problem -> log.warn("perf-agent: {}, pointcut skipped", problem));
    SpanRing ring =
        new SpanRing(config.export().bufferSize(), catalog.maxValues(), catalog.aggregateSlots());
    SiteRegistry sites = new SiteRegistry(ring);
    ExportLoop exporter = new ExportLoop(config, catalog, sites, log);
    exporter.start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> exporter.shutdown(SHUTDOWN_WAIT_MILLIS), "perf-agent-shutdown"));
    try {
      new Weaver().install(inst, catalog, sites, log);
    } catch (Throwable t) {
      log.error("perf-agent: could not weave, the application runs without instrumentation: {}", t.toString());
    }
  }
}
