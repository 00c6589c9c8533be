package com.acme.returns.support;

import java.util.concurrent.locks.LockSupport;

/**
 * Stands in for network and service latency. Every simulated wait goes through here so that
 * {@code --latency-scale} can stretch or remove them all (0 = no waits, for throughput runs).
 */
public final class SimulatedLatency {

  private static volatile double scale = 1.0;

  private SimulatedLatency() {}

  public static void setScale(double newScale) {
    if (!(newScale >= 0) || Double.isInfinite(newScale)) {
      throw new IllegalArgumentException("latency scale must be a finite number >= 0: " + newScale);
    }
    scale = newScale;
  }

  public static double scale() {
    return scale;
  }

  /** Waits {@code millis} (fractions allowed) times the latency scale. */
  public static void sleepMillis(double millis) {
    double scaled = millis * scale;
    if (scaled <= 0) {
      return;
    }
    long deadline = System.nanoTime() + (long) (scaled * 1_000_000);
    long remaining;
    while ((remaining = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }
}
