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
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import org.slf4j.Logger;

/**
 * Everything one configuration makes of the agent, built whole and never changed: the compiled
 * pointcuts, the recorder's state (call sites and their plans, the ring, value limits, open spans,
 * counters, aggregate histograms), the exporter thread and the weaver's transformer. Changing the
 * pointcuts at runtime means building a new generation and swapping it for this one.
 */
final class Generation {
  private final SiteRegistry sites;
  private final ExportLoop exporter;
  /**
   * What a swap must reset to unweave this generation's classes; null when weaving failed (the
   * application then runs uninstrumented).
   */
  private final ResettableClassFileTransformer transformer;

  private Generation(SiteRegistry sites, ExportLoop exporter, ResettableClassFileTransformer transformer) {
    this.sites = sites;
    this.exporter = exporter;
    this.transformer = transformer;
  }

  /**
   * Builds the generation of {@code config} and starts it: the recorder's state is installed, the
   * exporter thread starts the SDK (off the application's start-up path), and the weaver is
   * installed.
   */
  static Generation start(AgentConfig config, Instrumentation inst, Logger log) {
    PointcutCatalog catalog =
        PointcutCatalog.compile(config, problem -> log.warn("perf-agent: {}, pointcut skipped", problem));
    RingBudget budget =
        RingBudget.of(
            config.export().bufferSize(), catalog.maxValues(), catalog.aggregateSlots(),
            Runtime.getRuntime().maxMemory());
    budget.warning().ifPresent(log::warn);
    SpanRing ring = new SpanRing(budget.slots(), catalog.maxValues(), catalog.aggregateSlots());
    log.debug(
        "perf-agent: buffer of {} spans, at most {} allocated up front", budget.slots(),
        RingBudget.bytes(budget.bytes()));
    Limits limits = config.limits();
    RecorderState state =
        new RecorderState(ring, limits.valueLength(), limits.listLength(), config.content().maxLength());
    Recorder.install(state);
    SiteRegistry sites = new SiteRegistry(state);
    ExportLoop exporter = new ExportLoop(config, catalog, sites, log);
    exporter.start();
    return new Generation(sites, exporter, weave(config, catalog, sites, inst, log));
  }

  private static ResettableClassFileTransformer weave(
      AgentConfig config, PointcutCatalog catalog, SiteRegistry sites, Instrumentation inst, Logger log) {
    try {
      long start = System.nanoTime();
      Weaver weaver = new Weaver();
      ResettableClassFileTransformer transformer =
          weaver.install(inst, catalog, sites, config.propagation(), config.limits().classesPerPointcut(), log);
      log.debug(
          "perf-agent: weaver installed in {} ms ({} classes already loaded were woven, {} failed)",
          (System.nanoTime() - start) / 1_000_000, weaver.wovenTypes(), weaver.failedTypes());
      return transformer;
    } catch (Throwable t) {
      log.error("perf-agent: could not weave, the application runs without instrumentation: {}", t.toString());
      return null;
    }
  }

  /** Ends the spans still open, drains, flushes and logs the exit summary, in at most {@code millis}. */
  void shutdown(long millis) {
    exporter.shutdown(millis);
  }
}
