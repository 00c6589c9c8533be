package dev.perfagent.agent;

import dev.perfagent.bootstrap.SpanRing;
import java.util.Locale;
import java.util.Optional;

/**
 * Sizes the recorder's ring, which is allocated whole at start, so that it takes at most 1/8 of the
 * maximum heap: an {@code export.buffer-size} too large for the heap is reduced to the largest ring
 * that fits, with a warning giving both figures, instead of failing (or starving the application)
 * at start. Each slot also holds one reference in the SDK's batch queue, which is sized like the ring.
 * The ring's spill list, allocated span by span only while the ring is full, holds at most 16 times
 * the ring's spans and 1/16 of the maximum heap.
 */
final class RingBudget {
  /** The ring may take this fraction of the maximum heap: 1/8. */
  static final int HEAP_SHARE = 8;
  /** The spill list may take this fraction of the maximum heap: 1/16. */
  static final int SPILL_HEAP_SHARE = 16;
  /** The spill list holds at most this many times the ring's spans. */
  static final int SPILL_PER_SLOT = 16;
  private static final int MIN_SLOTS = 16;
  /** The slot's reference in the SDK's batch queue. */
  private static final int QUEUE_BYTES_PER_SLOT = 8;

  private final int slots;
  private final long bytesPerSlot;
  private final long spillLimit;
  private final String warning;

  private RingBudget(int slots, long bytesPerSlot, long spillLimit, String warning) {
    this.slots = slots;
    this.bytesPerSlot = bytesPerSlot;
    this.spillLimit = spillLimit;
    this.warning = warning;
  }

  /**
   * @param bufferSize the configured {@code export.buffer-size}
   * @param width the most values one span carries
   * @param aggregateSlots the aggregate-mode pointcuts
   * @param maxHeap {@link Runtime#maxMemory()}; {@code Long.MAX_VALUE} when there is no limit
   */
  static RingBudget of(int bufferSize, int width, int aggregateSlots, long maxHeap) {
    long perSlot = bytesPerSlot(width, aggregateSlots);
    int wanted = SpanRing.slots(bufferSize);
    long allowed = maxHeap == Long.MAX_VALUE ? Long.MAX_VALUE : maxHeap / HEAP_SHARE;
    if (wanted * perSlot <= allowed) {
      return new RingBudget(wanted, perSlot, spillLimit(wanted, width, aggregateSlots, maxHeap), null);
    }
    int slots = wanted;
    while (slots > MIN_SLOTS && slots * perSlot > allowed) {
      slots >>>= 1;
    }
    String warning =
        String.format(
            Locale.ROOT,
            "perf-agent: export.buffer-size %d needs about %s up front (%d bytes a span), more than 1/%d of the"
                + " maximum heap (%s); the buffer holds %d spans (%s) instead",
            bufferSize, bytes(wanted * perSlot), perSlot, HEAP_SHARE, bytes(maxHeap), slots, bytes(slots * perSlot));
    return new RingBudget(slots, perSlot, spillLimit(slots, width, aggregateSlots, maxHeap), warning);
  }

  private static long spillLimit(int slots, int width, int aggregateSlots, long maxHeap) {
    long heapShare =
        maxHeap == Long.MAX_VALUE ? Long.MAX_VALUE : maxHeap / SPILL_HEAP_SHARE / SpanRing.bytesPerSlot(width, aggregateSlots);
    return Math.min((long) slots * SPILL_PER_SLOT, heapShare);
  }

  static long bytesPerSlot(int width, int aggregateSlots) {
    return SpanRing.bytesPerSlot(width, aggregateSlots) + QUEUE_BYTES_PER_SLOT;
  }

  /** The ring's capacity, a power of two. */
  int slots() {
    return slots;
  }

  /** How many spans the spill list may hold while the ring is full. */
  long spillLimit() {
    return spillLimit;
  }

  /** At most what the ring and the SDK's batch queue allocate up front. */
  long bytes() {
    return slots * bytesPerSlot;
  }

  /** Present when the configured size did not fit. */
  Optional<String> warning() {
    return Optional.ofNullable(warning);
  }

  /** 1.6 MiB, 3.0 GiB. */
  static String bytes(long n) {
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    if (n < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.1f GiB", n / (1024.0 * 1024 * 1024));
  }
}
