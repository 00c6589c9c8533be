package dev.perfagent.agent;

import dev.perfagent.agent.export.ExportDemand;
import dev.perfagent.agent.export.ExportLoop;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.agent.readonly.ReadOnlyGetters;
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
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The running agent: the pointcuts in force, the recorder's state (call sites and their plans, the
 * ring, value limits, open spans, counters, aggregate histograms), the exporter thread and the
 * weaving. {@link #apply} changes the pointcuts while the application runs; the rest stays as
 * started.
 *
 * <p>Without pointcuts of the file's own (the presets alone, as without a file), all of it but the
 * weaving transformer starts only when the first class a pointcut may weave loads: until then the
 * presets are not even parsed ({@link AgentConfig#targetsInForce}), no buffer is allocated and no
 * thread runs, so an application without the presets' libraries pays for none of it.
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
  /** Counted from the start, before the recorder's state exists. */
  private final RecorderStats stats = new RecorderStats();
  /** Whose rules a change replaces; null when it could not be registered. */
  private Weaving weaving;
  /** The configuration in force, read by {@link #record} when it runs; changed by {@link #apply}. */
  private volatile AgentConfig config;
  /** The pointcuts in force once {@link #record} compiled them; changed by {@link #apply}. */
  private volatile PointcutCatalog catalog;
  /** Set once by {@link #record}: null until then. */
  private volatile Recording recording;

  /** What {@link #record} starts. */
  private static final class Recording {
    final SiteRegistry sites;
    final ExportLoop exporter;

    Recording(SiteRegistry sites, ExportLoop exporter) {
      this.sites = sites;
      this.exporter = exporter;
    }
  }

  private Generation(Logger log, AgentConfig config) {
    this.log = log;
    this.config = config;
  }

  /**
   * Starts the generation of {@code config}: registers the weaving transformer (it builds the weaver
   * once there is something to weave), and starts recording ({@link #record}) now if the file has
   * pointcuts of its own or the SDK must start now (a Prometheus endpoint), else when the weaver is
   * built.
   */
  static Generation start(AgentConfig config, Instrumentation inst, Logger log) {
    Generation generation = new Generation(log, config);
    if (!config.pointcuts().isEmpty() || ExportDemand.eagerSdk()) {
      generation.record();
    }
    generation.weaving = weave(config, generation::record, inst, log);
    return generation;
  }

  private static Weaving weave(AgentConfig config, Supplier<Weaving.Input> input, Instrumentation inst, Logger log) {
    try {
      return Weaving.start(inst, config.targetsInForce(), input, config.propagation(),
          config.limits().classesPerPointcut(), log);
    } catch (Throwable t) {
      log.error("perf-agent: could not weave, the application runs without instrumentation: {}", t.toString());
      return null;
    }
  }

  /**
   * The pointcuts in force compiled and their call sites; the first call initializes the hot-path
   * classes and the recorder's getter check and missing-step log, compiles the pointcuts (parsing
   * the presets), allocates the buffer, installs the recorder's state and starts the exporter thread
   * (which starts the SDK once there is something to export). Called at start or by the weaving, once
   * at a time (at start, then under the weaving's lock).
   */
  private Weaving.Input record() {
    Recording running = recording;
    if (running != null) {
      return new Weaving.Input(catalog, running.sites);
    }
    BootstrapInjector.initializeInjected();
    Recorder.checkGettersWith(new ReadOnlyGetters(log));
    Recorder.reportMissingStepsTo(new MissingStepLog(log));
    AgentConfig config = this.config;
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
    SpanRing ring = new SpanRing(budget.slots(), width, aggregates, budget.spillLimit());
    log.debug(
        "perf-agent: buffer of {} spans, at most {} allocated up front; up to {} more spill while it is full",
        budget.slots(), RingBudget.bytes(budget.bytes()), budget.spillLimit());
    Limits limits = config.limits();
    RecorderState state = new RecorderState(
        ring, limits.valueLength(), limits.listLength(), config.content().maxLength(), stats);
    Recorder.install(state);
    SiteRegistry sites = new SiteRegistry(state);
    ExportLoop exporter = new ExportLoop(config, catalog, sites, ExportDemand.eagerSdk(), log);
    exporter.start();
    this.catalog = catalog;
    recording = new Recording(sites, exporter);
    return new Weaving.Input(catalog, sites);
  }

  /** The recorder's counters, where changes applied and refused are counted. */
  RecorderStats stats() {
    return stats;
  }

  /**
   * Applies a new version of the configuration file: pointcuts added, removed or changed are woven
   * into (or out of) the loaded classes and those loaded later. Calls already running finish under
   * the rules they started with. Settings that only take effect at start are reported, not applied.
   * Runs on the calling thread (the file watcher's), never on an application thread.
   */
  synchronized void apply(AgentConfig loaded) {
    AgentConfig previous = config;
    AgentConfig next = previous.capturesContent() ? loaded.capturingContent() : loaded;
    ConfigChange change = ConfigChange.between(previous, next);
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
    config = next; // before the check: a recording that starts meanwhile compiles these pointcuts
    if (recording == null && weaving.retarget(next.targetsInForce())) {
      stats.configChanges.increment();
      log.info("perf-agent: {} changed, {}; nothing was woven yet", next.source(), change.describe());
      return;
    }
    Recording running = recording;
    PointcutCatalog catalog = this.catalog;
    List<String> problems = new ArrayList<>();
    PointcutCatalog nextCatalog = PointcutCatalog.compile(next, problems::add, catalog);
    problems.addAll(tooBigForTheRing(nextCatalog, running.sites.ring()));
    if (!problems.isEmpty()) {
      config = previous;
      stats.configChangesRefused.increment();
      log.warn("perf-agent: {} changed, not applied (the running pointcuts stay): {}",
          next.source(), String.join("; ", problems));
      return;
    }
    long start = System.nanoTime();
    running.exporter.useCatalog(nextCatalog);
    this.catalog = nextCatalog; // before the patch: a weaver it builds weaves these
    long classes;
    try {
      classes = weaving.patch(catalog, nextCatalog);
    } catch (RuntimeException e) {
      stats.configChangesRefused.increment();
      log.error("perf-agent: {} changed, could not re-weave ({}); some classes may keep the old pointcuts",
          next.source(), e.toString());
      classes = 0;
    }
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
    Recording running = recording;
    if (running == null) {
      ExportDemand.logNothingExported(log);
    } else {
      running.exporter.shutdown(millis);
    }
  }
}
