package dev.perfagent.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform random sample of at most {@code capacity} values of a stream (Vitter's algorithm R),
 * so that memory stays bounded however long the stream: all values while there are fewer, which
 * makes small data sets exact. Seeded, so the same input gives the same report.
 */
final class Reservoir {
  static final int CAPACITY = 1024;

  private final long[] values;
  private final SplittableRandom random;
  private long seen;

  Reservoir(int capacity, long seed) {
    this.values = new long[capacity];
    this.random = new SplittableRandom(seed);
  }

  void add(long value) {
    seen++;
    if (seen <= values.length) {
      values[(int) seen - 1] = value;
    } else {
      long slot = random.nextLong(seen);
      if (slot < values.length) {
        values[(int) slot] = value;
      }
    }
  }

  /** True while every value seen is kept. */
  boolean complete() {
    return seen <= values.length;
  }

  /** The kept values, in no particular order. */
  long[] sample() {
    return Arrays.copyOf(values, (int) Math.min(seen, values.length));
  }
}
