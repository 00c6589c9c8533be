package com.acme.bench.app;

/** The instrumented methods of the whole-process runs (bench/config/small-app.yaml, span-load.yaml). */
public final class Work {
  private Work() {}

  /** The one method the trivial app calls in a loop. */
  public static long call(long x) {
    long h = x * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  /**
   * The method the span load calls; the pointcut captures {@code route} and {@code n}. {@code work}
   * rounds of dependent multiply-xor stand for the application's own work in the call.
   */
  public static long step(String route, long n, int work) {
    long h = n + route.length();
    for (int i = 0; i < work; i++) {
      h = (h ^ (h >>> 29)) * 0x9E3779B97F4A7C15L;
    }
    return h ^ (h >>> 29);
  }
}
