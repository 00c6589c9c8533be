package dev.perfagent.agent.export;

import dev.perfagent.agent.cost.CostEstimator;
import dev.perfagent.agent.cost.PriceTable;
import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.AgentThreads;
import dev.perfagent.bootstrap.ConnectionPools;
import dev.perfagent.bootstrap.SpanRecord;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.AgentConfig;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The exporter thread. It drains the recorder's ring, builds spans and hands them to the SDK's span
 * processor, never more than its batch queue holds ({@link QueueRoom}). The SDK starts only once
 * there is something to export ({@link ExportDemand}), on a thread of its own (off the application's
 * threads); meanwhile, and whenever the export is behind (the ring half full, the SDK's queue full),
 * the drained spans wait in an {@link ExportBacklog}, so that the ring stays free for the
 * application's threads. An application in which nothing is recorded never starts the SDK.
 */
public final class ExportLoop {
  private static final long EXPIRY_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long STARTING_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  /**
   * Spans handed over between two looks at the ring: few enough that cold (interpreted) export code,
   * tens of microseconds a span, does not let the ring fill meanwhile.
   */
  private static final int SLICE = 64;
  /** Spans handed from the backlog in one round of the loop (between expiry checks). */
  private static final int BEHIND_HANDS = 4096;
  /** How long the exporter waits for room in the SDK's queue before it looks again. */
  private static final long BEHIND_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  private final AgentConfig config;
  private volatile PointcutCatalog catalog;
  private final SiteRegistry sites;
  private final Logger log;
  private final Thread thread;
  private final CountDownLatch started = new CountDownLatch(1);
  private final ExportDemand demand;
  private final boolean eager;
  /** Set by the exporter thread once it starts the SDK; never, when nothing was recorded. */
  private volatile boolean sdkStarting;
  private volatile boolean stopping;
  /** At exit: until then the exporter waits for room in the SDK's queue; after, it hands spans on regardless. */
  private volatile long stopWaitingAt;
  private volatile TelemetryPipeline pipeline;
  // written by the SDK start thread, then read by the exporter thread after it joined that one,
  // and at exit after it ended
  private SpanAssembler assembler;
  private TraceSampling sampling;
  private SpanLimiter limits;
  private CostEstimator costs; // the price table is read here, not on the application's start-up path
  private boolean exportsMetrics;
  // volatile: also read by the health metrics' callbacks (AgentHealthMetrics)
  private volatile long drained;
  private volatile long lost;
  private long notSampled;
  private long handed;
  private boolean ringFullWarned;
  private final ExportBacklog backlog;
  private final SpanRing.SpanSink adoptSpilled = this::adopt;
  private QueueRoom room; // null when the SDK did not start

  /** @param eager start the SDK at once rather than with the first thing to export */
  public ExportLoop(AgentConfig config, PointcutCatalog catalog, SiteRegistry sites, boolean eager, Logger log) {
    this.config = config;
    this.demand = new ExportDemand(sites.generation(), ConnectionPools::any);
    this.eager = eager;
    this.catalog = catalog;
    this.sites = sites;
    this.log = log;
    this.backlog =
        new ExportBacklog(
            ExportBacklog.limit(sites.ring().width(), sites.ring().aggregateSlots(), Runtime.getRuntime().maxMemory()));
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
    log.debug(
        "perf-agent: the OpenTelemetry SDK starts {}",
        eager ? "now (a Prometheus endpoint is configured)" : "with the first span or metric to export");
  }

  private void run() {
    AgentThreads.markCurrent(); // before the SDK creates its threads, which inherit the mark
    ExpirySchedule expiry = new ExpirySchedule(EXPIRY_INTERVAL_NANOS, System.nanoTime());
    if (!eager && !awaitDemand(expiry)) {
      return; // stopped with nothing recorded: the SDK never started
    }
    sdkStarting = true;
    Thread starter = new Thread(this::startSdk, "perf-agent-sdk-start");
    starter.setDaemon(true);
    starter.start();
    while (starter.isAlive()) { // the ring's spans wait in the backlog until the SDK is up
      int n = drainOnce(this::keep, Integer.MAX_VALUE);
      long now = expireIfDue(expiry);
      if (n == 0) {
        LockSupport.parkNanos(this, Math.min(STARTING_PARK_NANOS, expiry.idleNanos(now))); // the starter unparks
      }
    }
    try {
      starter.join(); // what it wrote is visible from here on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.debug("perf-agent: {} spans recorded while the SDK started are exported now", backlog.size());
    SpanProcessor processor = pipeline == null ? null : pipeline.processor();
    SpanAssembler spans = assembler;
    SpanRing.SpanSink direct = record -> hand(record, spans, processor);
    room = pipeline == null ? null : new QueueRoom(pipeline.exporters(), pipeline.batchQueueSize());
    SpanRing ring = sites.ring();
    while (true) {
      int free = room == null || stopping ? BEHIND_HANDS : room.free();
      int n;
      if (backlog.size() == 0 && free > 0 && ring.pending() < ring.capacity() / 2) {
        n = drainOnce(direct, Math.min(SLICE, free));
      } else { // behind: the ring's spans wait in the backlog, not in the ring, which the app would find full
        n = drainOnce(this::keep, Integer.MAX_VALUE);
        for (int handedNow = 0, m; handedNow < free && handedNow < BEHIND_HANDS; handedNow += m) {
          m = backlog.handTo(direct, Math.min(SLICE, free - handedNow));
          if (m == 0) {
            break;
          }
          n += m + drainOnce(this::keep, Integer.MAX_VALUE); // cold export code is slow: keep the ring free
        }
      }
      long now = expireIfDue(expiry);
      if (n == 0) {
        if (stopping && backlog.size() == 0) {
          return;
        }
        // an unpark between the check and the park is kept as a permit: the exit never waits
        LockSupport.parkNanos(this, backlog.size() > 0 ? BEHIND_PARK_NANOS : expiry.idleNanos(now));
      }
    }
  }

  /**
   * Waits until there is something to export, ending open spans that time out meanwhile; false
   * when the agent stops first with nothing recorded. Writers wake this thread only every quarter of
   * the ring, so the first span is seen within the expiry interval (a second) at the latest.
   */
  private boolean awaitDemand(ExpirySchedule expiry) {
    while (true) {
      boolean stop = stopping; // read first: what was recorded before the stop is seen below
      Optional<String> due = demand.due();
      if (due.isPresent()) {
        log.debug("perf-agent: {}, the OpenTelemetry SDK starts", due.get());
        return true;
      }
      if (stop) {
        return false;
      }
      LockSupport.parkNanos(this, expiry.idleNanos(expireIfDue(expiry)));
    }
  }

  private void keep(SpanRecord slot) {
    warnOnceIfFull(backlog.keep(slot));
  }

  private void adopt(SpanRecord spilled) {
    warnOnceIfFull(backlog.adopt(spilled));
  }

  private void warnOnceIfFull(boolean kept) {
    if (!kept && backlog.overflowed() == 1) {
      log.warn(
          "perf-agent: the exporter is behind and its backlog of {} spans (1/{} of the maximum heap) is full:"
              + " spans are dropped until it catches up",
          backlog.limit(), ExportBacklog.HEAP_SHARE);
    }
  }

  private long expireIfDue(ExpirySchedule expiry) {
    long now = System.nanoTime();
    if (expiry.due(now)) {
      expireOpenSpans(now);
    }
    warnOnceIfRingWasFull();
    return now;
  }

  /** The application's threads never wait for room: a full ring drops their spans, said here once. */
  private void warnOnceIfRingWasFull() {
    if (!ringFullWarned && sites.generation().stats().dropped.sum() > 0) {
      ringFullWarned = true;
      log.warn(
          "perf-agent: the span buffer ({} spans) and its spill ({} spans) were full: spans are dropped and"
              + " counted until the exporter catches up; a larger export.buffer-size or heap, or pointcuts that"
              + " match fewer calls, keep them",
          sites.ring().capacity(), sites.ring().spillLimit());
    }
  }

  /** On the {@code perf-agent-sdk-start} thread: builds the SDK and the span assembler. */
  private void startSdk() {
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
              p.resource(),
              // with no metric exporter or reader the span metrics would go nowhere: not recorded
              p.exportsMetrics() ? new SpanMetrics(p.sdk().getSdkMeterProvider(), sites.generation().stats(), warn) : null,
              config.limits().nameLength(), new ExceptionEvents(config.export()), costs);
      AgentHealthMetrics.register(
          p.sdk().getSdkMeterProvider().get("dev.perfagent"), sites.ring(), sites.generation().stats(),
          () -> drained, () -> lost, p.exporters(), p.metricExporters());
      sampling = p.sampling();
      exportsMetrics = p.exportsMetrics();
      limits = p.limits();
      pipeline = p;
      log.info(
          "perf-agent {}: config {}, {} pointcuts in force ({} of the file), presets {}, exporting to {}{}",
          Version.current(), config.source(), config.pointcutsInForce().size(), config.pointcuts().size(),
          config.presets().isEmpty() ? "none" : String.join(", ", config.presets()), p.destination(),
          p.scrapedAt().isEmpty() ? "" : ", metrics scraped at " + String.join(", ", p.scrapedAt()));
    } catch (Throwable t) {
      log.error("perf-agent: could not start the exporter, spans will be dropped: {}", Causes.chain(t));
    } finally {
      started.countDown();
      LockSupport.unpark(thread);
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

  /** The ring's spans to {@code sink}, and those it spilled, if any, to the backlog. */
  private int drainOnce(SpanRing.SpanSink sink, int max) {
    try {
      return sites.ring().drain(sink, max) + sites.ring().drainSpilled(adoptSpilled);
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
      if (!sampling.sampled(span.getSpanContext())) {
        notSampled++;
        return;
      }
      if (processor == null) {
        return;
      }
      room.awaitRoom(() -> stopping && System.nanoTime() - stopWaitingAt > 0);
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
      // before the stop: the exporter thread sees these spans and starts the SDK for them if need be
      int open = sites.generation().pending().endAll(System.nanoTime());
      if (open > 0) {
        log.debug("perf-agent: {} spans still open at exit were ended", open);
      }
      stopWaitingAt = begin + TimeUnit.MILLISECONDS.toNanos(millis) * 3 / 4; // the rest is for the SDK's flush
      stopping = true;
      LockSupport.unpark(thread);
      thread.join(Math.max(1, remainingMillis(deadline)));
      if (!sdkStarting) {
        ExportDemand.logNothingExported(log);
        return;
      }
      started.await(Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS);
      long lastDrain = System.nanoTime();
      TelemetryPipeline p = pipeline;
      boolean flushed = p != null && p.shutdown(Math.max(1, remainingMillis(deadline)));
      SpanAccount spans =
          new SpanAccount( // what the start-up backlog could not keep counts as a full buffer
              sites.ring().written() - backlog.overflowed(),
              sites.generation().stats().dropped.sum() + backlog.overflowed(), drained, lost, notSampled, handed);
      log.debug(
          "perf-agent: exit: last spans drained in {} ms, SDK flushed in {} ms; {} spans spilled (the buffer full)",
          (lastDrain - begin) / 1_000_000, (System.nanoTime() - lastDrain) / 1_000_000, sites.ring().spilledEver());
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
