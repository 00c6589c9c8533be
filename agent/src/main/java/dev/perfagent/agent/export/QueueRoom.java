package dev.perfagent.agent.export;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Keeps the SDK's batch queue from overflowing: the exporter thread hands a span to the span
 * processors only while fewer than {@code queueSize} handed spans are still waiting for an
 * exporter; otherwise it waits, and spans wait in the recorder's ring (where, if the export stays
 * behind, they are dropped and counted as a full buffer) instead of being dropped by the batch
 * processor. The spans in a queue are the ones handed minus the ones its exporter was given, an
 * exact count as long as nothing else drops them, which this ensures.
 */
final class QueueRoom {
  private static final long PAUSE_NANOS = 100_000;

  private final List<CountingSpanExporter> exporters;
  private final int queueSize;
  private long handed;

  QueueRoom(List<CountingSpanExporter> exporters, int queueSize) {
    this.exporters = exporters;
    this.queueSize = queueSize;
  }

  /**
   * Waits until one more span fits in every exporter's queue, or {@code giveUp} says to stop waiting
   * (at exit); then counts the span as handed.
   */
  void awaitRoom(BooleanSupplier giveUp) {
    while (waiting() >= queueSize && !giveUp.getAsBoolean()) {
      LockSupport.parkNanos(this, PAUSE_NANOS);
    }
    handed++;
  }

  /** How many more spans can be handed now without waiting (0 when a queue is full). */
  int free() {
    return (int) Math.max(0, queueSize - waiting());
  }

  /** The most spans handed and not yet given to one of the exporters. */
  long waiting() {
    long least = handed;
    for (CountingSpanExporter e : exporters) {
      least = Math.min(least, e.given());
    }
    return handed - least;
  }
}
