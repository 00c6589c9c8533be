package dev.perfagent.agent.export;

import java.time.Instant;

/** Converts {@link System#nanoTime()} readings into epoch nanoseconds, anchored once. */
final class EpochClock {
  private final long anchorEpochNanos;
  private final long anchorNanoTime;

  EpochClock(long anchorEpochNanos, long anchorNanoTime) {
    this.anchorEpochNanos = anchorEpochNanos;
    this.anchorNanoTime = anchorNanoTime;
  }

  static EpochClock now() {
    Instant now = Instant.now();
    return new EpochClock(now.getEpochSecond() * 1_000_000_000L + now.getNano(), System.nanoTime());
  }

  long epochNanos(long nanoTime) {
    return anchorEpochNanos + (nanoTime - anchorNanoTime);
  }
}
