package dev.perfagent.agent;

import dev.perfagent.agent.export.ExportLoop;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.agent.weave.Weaving;
import dev.perfagent.bootstrap.Recorder;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.RecorderStats;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ConfigChange;
import dev.perfagent.config.Limits;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The running agent: the pointcuts in force, the recorder's state (call sites and their plans, the
 * ring, value limits, open spans, counters, aggregate histograms), the exporter thread and the
 * weaving. {@link #apply} changes the pointcuts while the application runs; the rest
 * stays as started.
 */
final class Generation {
  /**
   * With the file watched, each ring slot has room for this many values at least, and for {@link
   * #AGGREGATE_ROOM} more aggregate-mode pointcuts, so that a change can add captures and
   * aggregate pointcuts without a restart.
   */
  static final int VALUE_ROOM = 16;

  static final int AGGREGATE_ROOM = 4;

  private final Logger log;
  private final SiteRegistry sites;
  private final ExportLoop exporter;
  /** Whose rules a change replaces; null when it could not be registered. */
  private final Weaving weaving;
  // guarded by this: the configuration and pointcuts in force
  private AgentConfig config;
  private PointcutCatalog catalog;

  private Generation(
      Logger log, SiteRegistry sites, ExportLoop exporter, Weaving weaving, AgentConfig config,
      PointcutCatalog catalog) {
    this.log = log;
    this.sites = sites;
    this.exporter = exporter;
    this.weaving = weaving;
    this.config = config;
    this.catalog = catalog;
  }

  /**
   * Builds the generation of {@code config} and starts it: the recorder's state is installed, the
   * exporter thread starts (it starts the SDK once there is something to export), and the weaving
   * transformer is registered (it builds the weaver once there is something to weave).
   */
  static Generation start(AgentConfig config, Instrumentation inst, Logger log) {
    PointcutCatalog catalog =
        PointcutCatalog.compile(config, problem -> log.warn("perf-agent: {}, pointcut skipped", problem));
    int width = config.watch() ? Math.max(catalog.maxValues(), VALUE_ROOM) : catalog.maxValues();
    int aggregates =
        config.watch()
            ? Math.min(RecorderState.MAX_AGGREGATE_SLOTS, catalog.aggregateSlots() + AGGREGATE_ROOM)
            : catalog.aggregateSlots();
    RingBudget budget =
        RingBudget.of(config.export().bufferSize(), width, aggregates, Runtime.getRuntime().maxMemory());
    budget.warning().ifPresent(log::warn);
    SpanRing ring = new SpanRing(budget.slots(), width, aggregates);
    log.debug(
        "perf-agent: buffer of {} spans, at most {} allocated up front", budget.slots(),
        RingBudget.bytes(budget.bytes()));
    Limits limits = config.limits();
    RecorderState state =
        new RecorderState(ring, limits.valueLength(), limits.listLength(), config.content().maxLength());
    Recorder.install(state);
    SiteRegistry sites = new SiteRegistry(state);
    ExportLoop exporter = new ExportLoop(config, catalog, sites, ExportLoop.eagerSdk(), log);
    exporter.start();
    return new Generation(
        log, sites, exporter, weave(config, catalog, sites, inst, log), config, catalog);
  }

  private static Weaving weave(
      AgentConfig config, PointcutCatalog catalog, SiteRegistry sites, Instrumentation inst, Logger log) {
    try {
      return Weaving.start(inst, catalog, sites, config.propagation(), config.limits().classesPerPointcut(), log);
    } catch (Throwable t) {
      log.error("perf-agent: could not weave, the application runs without instrumentation: {}", t.toString());
      return null;
    }
  }

  /** The recorder's counters, where changes applied and refused are counted. */
  RecorderStats stats() {
    return sites.generation().stats();
  }

  /**
   * Applies a new version of the configuration file: pointcuts added, removed or changed are woven
   * into (or out of) the loaded classes and those loaded later. Calls already running finish under
   * the rules they started with. Settings that only take effect at start are reported, not applied.
   * Runs on the calling thread (the file watcher's), never on an application thread.
   */
  synchronized void apply(AgentConfig loaded) {
    RecorderStats stats = stats();
    AgentConfig next = config.capturesContent() ? loaded.capturingContent() : loaded;
    ConfigChange change = ConfigChange.between(config, next);
    if (!change.needingRestart().isEmpty()) {
      log.warn(
          "perf-agent: {} changes {} (that takes effect at the next start; the running values stay)",
          next.source(), String.join(", ", change.needingRestart()));
    }
    if (!change.changesPointcuts()) {
      log.debug("perf-agent: {} saved, {}", next.source(), change.describe());
      config = next;
      return;
    }
    if (weaving == null || weaving.failed()) {
      stats.configChangesRefused.increment();
      log.warn("perf-agent: {} changed, not applied: the weaver did not start; restart the application", next.source());
      return;
    }
    List<String> problems = new ArrayList<>();
    PointcutCatalog nextCatalog = PointcutCatalog.compile(next, problems::add, catalog);
    problems.addAll(tooBigForTheRing(nextCatalog, sites.ring()));
    if (!problems.isEmpty()) {
      stats.configChangesRefused.increment();
      log.warn("perf-agent: {} changed, not applied (the running pointcuts stay): {}",
          next.source(), String.join("; ", problems));
      return;
    }
    long start = System.nanoTime();
    exporter.useCatalog(nextCatalog);
    long classes;
    try {
      classes = weaving.patch(catalog, nextCatalog);
    } catch (RuntimeException e) {
      stats.configChangesRefused.increment();
      log.error("perf-agent: {} changed, could not re-weave ({}); some classes may keep the old pointcuts",
          next.source(), e.toString());
      classes = 0;
    }
    catalog = nextCatalog;
    config = next;
    stats.configChanges.increment();
    log.info(
        "perf-agent: {} changed, {}; {} classes re-woven in {} ms", next.source(), change.describe(), classes,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** What {@code next} needs of a ring slot beyond what {@code ring} was allocated with at start. */
  private static List<String> tooBigForTheRing(PointcutCatalog next, SpanRing ring) {
    List<String> problems = new ArrayList<>();
    if (next.maxValues() > ring.width()) {
      problems.add("a pointcut now reads " + next.maxValues() + " values per call and the buffer was allocated"
          + " at start for " + ring.width() + "; restart the application to apply it");
    }
    if (next.aggregateSlots() > ring.aggregateSlots()) {
      problems.add(next.aggregateSlots() + " aggregate-mode pointcuts since the start, the buffer was allocated"
          + " for " + ring.aggregateSlots() + "; restart the application to apply it");
    }
    return problems;
  }

  /** Ends the spans still open, drains, flushes and logs the exit summary, in at most {@code millis}. */
  void shutdown(long millis) {
    exporter.shutdown(millis);
  }
}
