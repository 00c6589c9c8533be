package com.acme.bench.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU the agent's threads spend per exported span, load-insensitive: {@link SpanLoad}'s paced load
 * ({@code --rate R} spans/s on one thread) makes {@code --warmup-spans} spans, waits until the agent
 * is idle, then makes {@code --spans N} more and waits again; the CPU time every thread other than
 * the load threads, {@code main} and this tool's sampler used in between (the exporter, the SDK's batch worker, the HTTP
 * client's threads, ...: read with {@link ThreadMXBean} every 100 ms, so a thread that ends is
 * counted up to its last reading), divided by N, is the figure. A busy machine stretches wall time,
 * not CPU time.
 *
 * <p>Prints the figure per span exported in the measured phase (counted at the destination,
 * {@code --exported otlp:RECEIVER_URL} or {@code file:PATH}), each thread group's share, and the
 * whole process's CPU per exported span (adding the load thread and the JVM's GC and JIT threads).
 */
public final class ExportCpu {
  private static final long SAMPLE_MILLIS = 100;
  /** The agent counts as idle when its threads used less than this in {@link #QUIET_MILLIS}. */
  private static final long QUIET_NANOS = 2_000_000;
  private static final long QUIET_MILLIS = 1_500;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  /** Last CPU time read per thread id, kept after the thread ended. */
  private final Map<Long, Long> cpuById = new HashMap<>();
  private final Map<Long, String> nameById = new HashMap<>();

  private ExportCpu() {}

  public static void main(String[] args) throws Exception {
    long spans = 400_000;
    long warmupSpans = 200_000;
    long rate = 20_000;
    ExportedSpans exported = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--spans": spans = Long.parseLong(args[i + 1]); break;
        case "--warmup-spans": warmupSpans = Long.parseLong(args[i + 1]); break;
        case "--rate": rate = Long.parseLong(args[i + 1]); break;
        case "--exported": exported = ExportedSpans.parse(args[i + 1]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (exported == null) {
      throw new IllegalArgumentException("--exported otlp:RECEIVER_URL or file:PATH is required");
    }
    new ExportCpu().measure(spans, warmupSpans, rate, exported);
  }

  private void measure(long spans, long warmupSpans, long rate, ExportedSpans exported) throws Exception {
    Thread sampler = new Thread(this::sampleForever, "cpu-sampler");
    sampler.setDaemon(true);
    sampler.start();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    awaitIdle(); // the agent has started (its SDK starts with the warm-up's first span, before the measured phase)
    if (warmupSpans > 0) {
      SpanLoad.run(1, (double) warmupSpans / rate, rate, 0, "warmup");
    }
    awaitIdle();
    Map<String, Long> before = byGroup();
    long exportedBefore = exported.count();
    long processBefore = os.getProcessCpuTime();
    long[] load = SpanLoad.run(1, (double) spans / rate, rate, 0, "load");
    awaitIdle();
    long process = os.getProcessCpuTime() - processBefore;
    Map<String, Long> after = byGroup();
    long out = exported.count() - exportedBefore;
    long agent = 0;
    StringBuilder groups = new StringBuilder();
    for (Map.Entry<String, Long> e : after.entrySet()) {
      long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
      agent += used;
      if (used >= 1_000_000) {
        groups.append(String.format(Locale.ROOT, " %s=%.1fns", e.getKey(), (double) used / out));
      }
    }
    System.out.printf(Locale.ROOT,
        "export-cpu: spans=%d exported=%d%s rate=%d agent_threads_ns_per_span=%.1f process_ns_per_span=%.1f%n"
            + "  by thread:%s%n",
        load[0], out, out == load[0] ? "" : " (NOT ALL EXPORTED)", rate, (double) agent / out,
        (double) process / out, groups);
  }

  private void sampleForever() {
    try {
      while (true) {
        byGroup();
        Thread.sleep(SAMPLE_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Samples until the non-load threads used less than {@link #QUIET_NANOS} in {@link #QUIET_MILLIS}. */
  private void awaitIdle() throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    long windowStart = System.nanoTime();
    long windowCpu = total(byGroup());
    while (System.nanoTime() < deadline) {
      Thread.sleep(SAMPLE_MILLIS);
      long cpu = total(byGroup());
      if (cpu - windowCpu >= QUIET_NANOS) {
        windowStart = System.nanoTime();
        windowCpu = cpu;
      } else if (System.nanoTime() - windowStart >= QUIET_MILLIS * 1_000_000) {
        return;
      }
    }
    throw new IllegalStateException("the agent's threads did not become idle within 60 s");
  }

  /**
   * CPU time of the threads that are not the load's or this one, summed by name with digits
   * dropped ({@code HttpClient-1-Worker-0} and {@code -1} are one group).
   */
  private synchronized Map<String, Long> byGroup() {
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      String name = info.getThreadName();
      if (name.equals("main") || name.equals("cpu-sampler") || name.startsWith("load-")
          || name.startsWith("warmup-") || name.startsWith("JFR ")) { // --jfr's own threads
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        cpuById.put(info.getThreadId(), cpu);
        nameById.put(info.getThreadId(), name.replaceAll("[0-9]+", "N"));
      }
    }
    Map<String, Long> groups = new TreeMap<>();
    cpuById.forEach((id, cpu) -> groups.merge(nameById.get(id), cpu, Long::sum));
    return groups;
  }

  private static long total(Map<String, Long> groups) {
    long sum = 0;
    for (long v : groups.values()) {
      sum += v;
    }
    return sum;
  }
}
