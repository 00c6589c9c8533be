package com.acme.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * Thread CPU time per call of one {@link Target} method, for a machine too loaded for JMH's wall-clock
 * scores: other processes delay this thread but barely change the CPU time it uses. 40 rounds of 40,000
 * calls, each followed by a pause in which the exporter drains the ring (so that no span is dropped and
 * the recording path is what is timed); prints the median of the last 20 rounds.
 *
 * <pre>
 * java -javaagent:agent/target/perf-agent.jar=config=bench/config/jmh.yaml \
 *      -Dotel.traces.exporter=none -Dotel.metrics.exporter=none \
 *      -cp bench/target/benchmarks.jar com.acme.bench.CpuTimeLoop nested3Flowing
 * </pre>
 */
public final class CpuTimeLoop {
  public static void main(String[] args) throws Exception {
    Target t = new Target("returns-assistant");
    Request r = new Request("gpt-4o-mini", 1024, "customer-42");
    LongUnaryOperator op;
    switch (args[0]) {
      case "span0": op = t::span0; break;
      case "span2": op = x -> t.span2(r, x); break;
      case "nested3": op = t::nestOuter; break;
      case "nested3Captured": op = x -> t.capturedOuter(r, x); break;
      case "nested3Flowing": op = x -> t.flowingOuter(r, x); break;
      default: op = t::plain;
    }
    int n = 40_000;
    int rounds = 40;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] perCall = new double[rounds / 2];
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      long c0 = mx.getCurrentThreadCpuTime();
      for (long i = 0; i < n; i++) {
        sink += op.applyAsLong(i);
      }
      long c1 = mx.getCurrentThreadCpuTime();
      if (round >= rounds / 2) {
        perCall[round - rounds / 2] = (c1 - c0) / (double) n;
      }
      Thread.sleep(100); // the exporter drains the ring
    }
    Arrays.sort(perCall);
    System.out.printf("%s median %.1f ns (min %.1f) sink %d%n", args[0], perCall[perCall.length / 2], perCall[0], sink & 1);
  }
}
