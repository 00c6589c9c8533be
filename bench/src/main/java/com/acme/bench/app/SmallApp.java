package com.acme.bench.app;

import java.util.Locale;

/**
 * The trivial app of the whole-process figures: calls one instrumented method N times (default
 * 1,000) and prints how long the loop took per call, how long after the JVM's start main() began
 * (the time agents spend in premain, and JVM start-up), and when main() ended (run.sh compares it
 * with the moment the process was gone: the agents' exit work).
 */
public final class SmallApp {
  private SmallApp() {}

  public static void main(String[] args) {
    long mainStart = System.currentTimeMillis();
    long jvmStart = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(mainStart);
    long calls = args.length > 0 ? Long.parseLong(args[0]) : 1_000;
    long start = System.nanoTime();
    long sum = 0;
    for (long i = 0; i < calls; i++) {
      sum += Work.call(i);
    }
    long elapsed = System.nanoTime() - start;
    System.out.printf(Locale.ROOT,
        "small-app: calls=%d loop_ns_per_call=%.1f main_started_after_ms=%d main_end_epoch_ms=%d checksum=%d%n",
        calls, calls == 0 ? 0.0 : (double) elapsed / calls, mainStart - jvmStart,
        System.currentTimeMillis(), sum);
  }
}
