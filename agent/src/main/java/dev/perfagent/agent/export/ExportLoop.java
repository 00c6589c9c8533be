package dev.perfagent.agent.export;

import dev.perfagent.agent.cost.CostEstimator;
import dev.perfagent.agent.cost.PriceTable;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.AgentThreads;
import dev.perfagent.bootstrap.SpanRecord;
import dev.perfagent.config.AgentConfig;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The exporter thread. It starts the OpenTelemetry SDK (off the application's start-up path), then
 * drains the recorder's ring, builds spans and hands them to the SDK's span processor.
 */
public final class ExportLoop {
  private static final int BATCH = 4096;
  private static final long EXPIRY_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final AgentConfig config;
  private volatile PointcutCatalog catalog;
  private final SiteRegistry sites;
  private final Logger log;
  private final Thread thread;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile TelemetryPipeline pipeline;
  // written by the exporter thread only; read at exit after it ended
  private TraceSampling sampling;
  private SpanLimiter limits;
  private CostEstimator costs; // the price table is read here, not on the application's start-up path
  private boolean exportsMetrics;
  // volatile: also read by the health metrics' callbacks (AgentHealthMetrics)
  private volatile long drained;
  private volatile long lost;
  private long notSampled;
  private long handed;

  public ExportLoop(AgentConfig config, PointcutCatalog catalog, SiteRegistry sites, Logger log) {
    this.config = config;
    this.catalog = catalog;
    this.sites = sites;
    this.log = log;
    this.thread = new Thread(this::run, "perf-agent-exporter");
    thread.setDaemon(true);
  }

  /** The pointcuts in force from now on (their sites are registered as classes are woven). */
  public void useCatalog(PointcutCatalog next) {
    catalog = next;
  }

  private PointcutCatalog catalog() {
    return catalog;
  }

  public void start() {
    sites.ring().consumer(thread);
    thread.start();
  }

  private void run() {
    AgentThreads.markCurrent(); // before the SDK creates its threads, which inherit the mark
    SpanAssembler assembler = null;
    try {
      long start = System.nanoTime();
      SdkLogBridge.install(log);
      Consumer<String> warn = problem -> log.warn("perf-agent: {}", problem);
      TelemetryPipeline p =
          TelemetryPipeline.start(
              config, sites.ring().capacity(), warn,
              new AggregateHistogramProducer(this::catalog, sites.generation().histograms()),
              new ConnectionPoolMetrics());
      log.debug("perf-agent: OpenTelemetry SDK started in {} ms", (System.nanoTime() - start) / 1_000_000);
      costs = new CostEstimator(PriceTable.with(config.prices()));
      assembler =
          new SpanAssembler(
              sites, new AggregateAttributes(this::catalog), SpanIds.random(), EpochClock.now(),
              p.resource(), new SpanMetrics(p.sdk().getSdkMeterProvider(), sites.generation().stats(), warn),
              config.limits().nameLength(), new ExceptionEvents(config.export()), costs);
      AgentHealthMetrics.register(
          p.sdk().getSdkMeterProvider().get("dev.perfagent"), sites.ring(), sites.generation().stats(),
          () -> drained, () -> lost, p.exporters(), p.metricExporters());
      sampling = p.sampling();
      exportsMetrics = p.exportsMetrics();
      limits = p.limits();
      pipeline = p;
      log.info(
          "perf-agent {}: config {}, {} pointcuts, presets {}, exporting to {}{}",
          Version.current(), config.source(), config.pointcuts().size(),
          config.presets().isEmpty() ? "none" : String.join(", ", config.presets()), p.destination(),
          p.scrapedAt().isEmpty() ? "" : ", metrics scraped at " + String.join(", ", p.scrapedAt()));
    } catch (Throwable t) {
      log.error("perf-agent: could not start the exporter, spans will be dropped: {}", Causes.chain(t));
    } finally {
      started.countDown();
    }
    SpanProcessor processor = pipeline == null ? null : pipeline.processor();
    SpanAssembler spans = assembler;
    ExpirySchedule expiry = new ExpirySchedule(EXPIRY_INTERVAL_NANOS, System.nanoTime());
    while (true) {
      int n = drainOnce(spans, processor);
      long now = System.nanoTime();
      if (expiry.due(now)) {
        expireOpenSpans(now);
      }
      if (n == 0) {
        if (stopping) {
          return;
        }
        // an unpark between the check and the park is kept as a permit: the exit never waits
        LockSupport.parkNanos(this, expiry.idleNanos(now));
      }
    }
  }

  /** Ends the spans that outlived their call for longer than the open-span timeout. */
  private void expireOpenSpans(long now) {
    try {
      int ended = sites.generation().pending().expire(now, config.limits().openSpanTimeoutNanos());
      if (ended > 0) {
        log.debug("perf-agent: {} spans still open after the open-span timeout were ended", ended);
      }
    } catch (Throwable t) {
      sites.generation().stats().internalErrors.increment();
    }
  }

  private int drainOnce(SpanAssembler spans, SpanProcessor processor) {
    try {
      return sites.ring().drain(record -> hand(record, spans, processor), BATCH);
    } catch (Throwable t) {
      sites.generation().stats().internalErrors.increment();
      log.debug("perf-agent: exporter error", t);
      return 1;
    }
  }

  /**
   * Spans are assembled (which records their metrics) even when they are not exported: not
   * sampled, or no exporter ({@code otel.traces.exporter=none}); with no metric exporter either,
   * there is nothing to build them for. Every span drained is counted in one of the exit summary's
   * figures.
   */
  private void hand(SpanRecord record, SpanAssembler spans, SpanProcessor processor) {
    drained++;
    if (spans == null || (processor == null && !exportsMetrics)) {
      return;
    }
    try {
      RecordedSpan span = spans.assemble(record);
      if (span == null) { // a site the registry does not know: cannot happen, yet counted if it does
        lost++;
        return;
      }
      if (!sampling.sampled(span.getSpanContext().getTraceId())) {
        notSampled++;
        return;
      }
      if (processor == null) {
        return;
      }
      processor.onEnd(limits.apply(span));
      handed++;
    } catch (Throwable t) {
      lost++;
      sites.generation().stats().internalErrors.increment();
      if (lost == 1) {
        log.debug("perf-agent: a span was lost while it was assembled", t);
      }
    }
  }

  /**
   * Drains what is left, flushes the SDK and logs the one-line summary; waits at most
   * {@code millis} in all.
   */
  public void shutdown(long millis) {
    long begin = System.nanoTime();
    long deadline = begin + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      started.await(millis, TimeUnit.MILLISECONDS);
      int open = sites.generation().pending().endAll(System.nanoTime());
      if (open > 0) {
        log.debug("perf-agent: {} spans still open at exit were ended", open);
      }
      stopping = true;
      LockSupport.unpark(thread);
      thread.join(Math.max(1, remainingMillis(deadline)));
      long lastDrain = System.nanoTime();
      TelemetryPipeline p = pipeline;
      boolean flushed = p != null && p.shutdown(Math.max(1, remainingMillis(deadline)));
      SpanAccount spans =
          new SpanAccount(
              sites.ring().written(), sites.generation().stats().dropped.sum(), drained, lost, notSampled,
              handed);
      log.debug(
          "perf-agent: exit: last spans drained in {} ms, SDK flushed in {} ms",
          (lastDrain - begin) / 1_000_000, (System.nanoTime() - lastDrain) / 1_000_000);
      log.info(
          "{}",
          ExitSummary.line(
              spans, p == null ? Collections.emptyList() : p.exporters(), flushed,
              p == null ? Collections.emptyList() : p.metricExporters(),
              p == null ? "nowhere" : p.destination(),
              p == null ? ", the exporter never started" : ""));
      for (String model : costs == null ? Collections.<String>emptyList() : costs.unpriced()) {
        log.info("perf-agent: no price for model {}: add it under prices: in the config to get its cost", model);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long remainingMillis(long deadline) {
    return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
  }
}
