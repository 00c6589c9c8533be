package com.acme.bench.app;

import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.LockSupport;

/**
 * Span load for the export figures: {@code --threads T} threads call {@link Work#step} (one span
 * each under perf-agent; {@code --work W} rounds of arithmetic inside) for {@code --seconds S},
 * either paced at {@code --rate R} calls per second in total (exactly R x S calls, none before its
 * due time), or as fast as they can ({@code --rate 0}). An optional warm-up phase first ({@code --warmup-seconds}, paced at
 * {@code --warmup-rate}) lets the JIT compile the agent's export path before the measured phase.
 *
 * <p>Prints one line: the measured phase's calls and rate (the application's own throughput when
 * nothing paces it), {@code calls_total} including the warm-up, to compare with the spans the
 * receiver got, and {@code ended_ms}, the wall clock when the last call returned, to compare with
 * when the receiver got the last span.
 */
public final class SpanLoad {
  private static final int BATCH = 64;

  private SpanLoad() {}

  public static void main(String[] args) throws Exception {
    int threads = 1;
    double seconds = 5;
    long rate = 0;
    int work = 0;
    double warmupSeconds = 0;
    long warmupRate = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--threads": threads = Integer.parseInt(args[i + 1]); break;
        case "--seconds": seconds = Double.parseDouble(args[i + 1]); break;
        case "--rate": rate = Long.parseLong(args[i + 1]); break;
        case "--work": work = Integer.parseInt(args[i + 1]); break;
        case "--warmup-seconds": warmupSeconds = Double.parseDouble(args[i + 1]); break;
        case "--warmup-rate": warmupRate = Long.parseLong(args[i + 1]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    long warmupCalls = warmupSeconds > 0 ? run(threads, warmupSeconds, warmupRate, work, "warmup")[0] : 0;
    long[] measured = run(threads, seconds, rate, work, "load");
    long endedMillis = System.currentTimeMillis();
    double elapsed = measured[1] / 1e9;
    System.out.printf(Locale.ROOT,
        "span-load: threads=%d work=%d target_rate=%d calls=%d seconds=%.3f calls_per_s=%.0f"
            + " warmup_calls=%d calls_total=%d checksum=%d ended_ms=%d%n",
        threads, work, rate, measured[0], elapsed, measured[0] / elapsed, warmupCalls,
        warmupCalls + measured[0], measured[2], endedMillis);
  }

  /** Returns {calls, elapsed nanos, checksum}; the threads are named {@code name-<i>}. */
  static long[] run(int threads, double seconds, long rate, int work, String name)
      throws Exception {
    long durationNanos = (long) (seconds * 1e9);
    double perThreadRate = rate > 0 ? (double) rate / threads : 0;
    long[] calls = new long[threads];
    long[] checksums = new long[threads];
    long[] endedAt = new long[threads];
    long[] startAt = new long[1];
    CyclicBarrier go = new CyclicBarrier(threads, () -> startAt[0] = System.nanoTime());
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      String route = "route-" + t;
      workers[t] = new Thread(() -> {
        try {
          go.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        long start = startAt[0];
        long end = start + durationNanos;
        // paced: exactly rate x seconds calls, each batch not before its due time; else: until time is up
        long quota = perThreadRate > 0 ? (long) (perThreadRate * seconds) : Long.MAX_VALUE;
        long n = 0;
        long sum = 0;
        while (n < quota) {
          int batch = (int) Math.min(BATCH, quota - n);
          for (int k = 0; k < batch; k++) {
            sum += Work.step(route, n++, work);
          }
          if (perThreadRate > 0 && n < quota) {
            long due = start + (long) (n * 1e9 / perThreadRate);
            long ahead = due - System.nanoTime();
            if (ahead > 100_000) {
              LockSupport.parkNanos(ahead);
            }
            while (System.nanoTime() < due) {
              Thread.onSpinWait();
            }
          } else if (perThreadRate <= 0 && System.nanoTime() >= end) {
            break;
          }
        }
        endedAt[id] = System.nanoTime();
        calls[id] = n;
        checksums[id] = sum;
      }, name + "-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long last = startAt[0];
    for (long e : endedAt) {
      last = Math.max(last, e);
    }
    long elapsed = last - startAt[0]; // from the start to the last call
    long total = 0;
    long sum = 0;
    for (int t = 0; t < threads; t++) {
      total += calls[t];
      sum += checksums[t];
    }
    return new long[] {total, elapsed, sum};
  }
}
