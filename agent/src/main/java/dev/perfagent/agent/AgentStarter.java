package dev.perfagent.agent;

import dev.perfagent.agent.export.ExportLoop;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.agent.weave.Weaver;
import dev.perfagent.bootstrap.Recorder;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.Limits;
import java.lang.instrument.Instrumentation;
import org.slf4j.Logger;

/**
 * Starts the agent once the configuration is read and the bootstrap classes are in place: starts the
 * exporter thread, weaves, and registers the exit flush. Any failure leaves the application running
 * uninstrumented.
 */
public final class AgentStarter {
  private static final long SHUTDOWN_WAIT_MILLIS = 5_000;

  private AgentStarter() {}

  public static void start(AgentConfig config, AgentArguments arguments, Instrumentation inst) {
    Logger log = AgentLog.init(ConfigStep.explicitLogLevel(arguments).orElse(config.export().logLevel()));
    PointcutCatalog catalog =
        PointcutCatalog.compile(config, problem -> log.warn("perf-agent: {}, pointcut skipped", problem));
    SpanRing ring =
        new SpanRing(config.export().bufferSize(), catalog.maxValues(), catalog.aggregateSlots());
    Limits limits = config.limits();
    RecorderState generation = new RecorderState(ring, limits.valueLength(), limits.listLength());
    Recorder.install(generation);
    SiteRegistry sites = new SiteRegistry(generation);
    ExportLoop exporter = new ExportLoop(config, catalog, sites, log);
    exporter.start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> exporter.shutdown(SHUTDOWN_WAIT_MILLIS), "perf-agent-shutdown"));
    try {
      long start = System.nanoTime();
      Weaver weaver = new Weaver();
      weaver.install(inst, catalog, sites, config.propagation(), log);
      log.debug(
          "perf-agent: weaver installed in {} ms ({} classes already loaded were woven, {} failed)",
          (System.nanoTime() - start) / 1_000_000, weaver.wovenTypes(), weaver.failedTypes());
    } catch (Throwable t) {
      log.error("perf-agent: could not weave, the application runs without instrumentation: {}", t.toString());
    }
  }
}
