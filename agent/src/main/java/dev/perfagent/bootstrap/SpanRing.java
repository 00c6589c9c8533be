package dev.perfagent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded ring of completed spans, written by application threads and drained by the single
 * exporter thread. All storage is allocated up front, one {@link SpanRecord} per slot so that a
 * write touches few cache lines. The application thread never waits: when the ring is full (the
 * exporter thread is behind, or not scheduled, for longer than the ring lasts) the span is written
 * to a record of its own, pushed on a bounded spill list that the exporter takes whole; only when
 * that is full too is the span dropped (and counted by the caller). (The ring is a bounded MPSC
 * queue after Dmitry Vyukov's design: each slot carries a sequence number telling whether it is
 * free, written or being written. The spill is a Treiber stack.)
 */
public final class SpanRing {
  private static final VarHandle TAIL;
  private static final VarHandle SPILLED;
  private static final VarHandle SPILLED_EVER;
  private static final VarHandle SPILL_TOP;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      TAIL = lookup.findVarHandle(SpanRing.class, "tail", long.class);
      SPILLED = lookup.findVarHandle(SpanRing.class, "spilled", long.class);
      SPILLED_EVER = lookup.findVarHandle(SpanRing.class, "spilledEver", long.class);
      SPILL_TOP = lookup.findVarHandle(SpanRing.class, "spillTop", SpanRecord.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final int mask;
  private final int width;
  private final int aggregateSlots;
  private final long aggregateMaskLimit;
  private final SpanRecord[] slots;
  /** Every this many writes the exporter is woken, so that a burst does not wait for its timer. */
  private final int wakeInterval;
  private volatile Thread consumer;

  @SuppressWarnings("unused") // written through TAIL
  private volatile long tail;

  private long head; // only the exporter thread touches it

  private final long spillLimit;
  /** Spans on the spill list (or being pushed): at most {@link #spillLimit}. */
  @SuppressWarnings("unused") // accessed through SPILLED
  private volatile long spilled;
  @SuppressWarnings("unused") // accessed through SPILLED_EVER
  private volatile long spilledEver;
  /** The spill list, newest first (linked through {@link SpanRecord#next}); null when empty. */
  @SuppressWarnings("unused") // accessed through SPILL_TOP
  private volatile SpanRecord spillTop;

  /**
   * A ring that drops what does not fit, with no spill.
   *
   * @param capacity slots, rounded up to a power of two
   * @param width the most values one span carries
   */
  public SpanRing(int capacity, int width) {
    this(capacity, width, 0, 0);
  }

  /**
   * @param capacity slots, rounded up to a power of two
   * @param width the most values one span carries
   * @param aggregateSlots how many aggregate-mode pointcuts a span can report on
   * @param spillLimit how many spans may wait on the spill list when the ring is full
   */
  public SpanRing(int capacity, int width, int aggregateSlots, long spillLimit) {
    this.spillLimit = spillLimit;
    int size = slots(capacity);
    this.mask = size - 1;
    this.width = width;
    this.aggregateSlots = aggregateSlots;
    this.aggregateMaskLimit = aggregateSlots >= 64 ? -1L : (1L << aggregateSlots) - 1;
    this.wakeInterval = Math.max(1, size / 4);
    this.slots = new SpanRecord[size];
    for (int i = 0; i < size; i++) {
      slots[i] = new SpanRecord(i, width, aggregateSlots * 4);
    }
  }

  public int capacity() {
    return mask + 1;
  }

  /** The slots a ring built for {@code capacity} has: that, rounded up to a power of two. */
  public static int slots(int capacity) {
    return Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
  }

  /**
   * At most the bytes one slot allocates up front, on a 64-bit JVM without compressed references
   * (with them, the usual case below 32 GB of heap, it is less): the slot's reference, the
   * {@link SpanRecord} (16-byte header, 11 longs, 2 ints, 6 references: 160 bytes; a
   * {@link FlowingValues} is shared with the call that made it, not owned by the slot), its values array
   * ({@code width} references) and its aggregate counters (4 longs per aggregate pointcut).
   */
  public static long bytesPerSlot(int width, int aggregateSlots) {
    return 8 + 160 + array(8L * width) + array(8L * 4 * aggregateSlots);
  }

  private static long array(long payload) {
    return (16 + payload + 7) & ~7L;
  }

  public int width() {
    return width;
  }

  /** How many aggregate-mode pointcuts a span can report on. */
  public int aggregateSlots() {
    return aggregateSlots;
  }

  /** The exporter thread, woken (rarely) by writers when the ring fills up. */
  public void consumer(Thread thread) {
    this.consumer = thread;
  }

  /** Spans written (or being written) and not drained yet; only the exporter thread calls this. */
  public long pending() {
    return (long) TAIL.getVolatile(this) - head;
  }

  /** Spans written so far, into a slot or spilled: every write that was not dropped. */
  public long written() {
    return (long) TAIL.getVolatile(this) + (long) SPILLED_EVER.getVolatile(this);
  }

  /** How many spans may wait on the spill list. */
  public long spillLimit() {
    return spillLimit;
  }

  /** Spans written to the spill list so far, because the ring was full. */
  public long spilledEver() {
    return (long) SPILLED_EVER.getVolatile(this);
  }

  /**
   * Writes the finished span {@code span}; false when the ring and the spill are full and the span
   * is dropped (the caller counts it). Its values are frozen already, so claiming a slot is the last
   * step and a slow getter never holds one.
   */
  boolean write(OpenSpan span, long end, FrozenError error, int endReason) {
    long position = claim();
    if (position < 0) {
      return spill(span, end, error, endReason);
    }
    SpanRecord r = slots[(int) position & mask];
    fill(r, span, end, error, endReason);
    r.publish(position + 1);
    if ((position & (wakeInterval - 1)) == wakeInterval - 1) {
      wakeConsumer();
    }
    return true;
  }

  private void fill(SpanRecord r, OpenSpan span, long end, FrozenError error, int endReason) {
    r.siteId = span.siteId;
    r.traceId = span.traceId;
    r.spanId = span.spanId;
    r.parentId = span.parentId;
    r.flowing = span.flowing;
    r.startNanos = span.start;
    r.endNanos = end;
    r.endReason = endReason;
    r.threadName = span.threadName;
    r.threadId = span.threadId;
    r.error = error;
    Object[] values = span.values;
    for (int i = Math.min(span.plan.valueCount(), width) - 1; i >= 0; i--) { // a few: no arraycopy call
      r.values[i] = values[i];
    }
    r.truncatedMask = span.truncatedMask;
    r.items = span.items;
    r.firstItemNanos = span.firstItemNanos;
    long touched = span.aggregateMask & aggregateMaskLimit;
    r.aggregateMask = touched;
    if (touched != 0) {
      System.arraycopy(span.aggregates, 0, r.aggregates, 0, r.aggregates.length);
    }
  }

  private void wakeConsumer() {
    Thread waiting = consumer;
    if (waiting != null) {
      LockSupport.unpark(waiting);
    }
  }

  /**
   * The ring is full: the span goes on the spill list in a record of its own (allocated here, on
   * the application's thread, the only place the recorder allocates per span), unless the list holds
   * {@code spillLimit} spans already. The first span on an empty list wakes the exporter.
   */
  private boolean spill(OpenSpan span, long end, FrozenError error, int endReason) {
    if ((long) SPILLED.getAndAdd(this, 1L) >= spillLimit) {
      SPILLED.getAndAdd(this, -1L);
      return false;
    }
    SpanRecord r = new SpanRecord(0, width, aggregateSlots * 4);
    fill(r, span, end, error, endReason);
    SPILLED_EVER.getAndAdd(this, 1L); // before the push: written() never lags what the exporter drained
    SpanRecord top;
    do {
      top = (SpanRecord) SPILL_TOP.getVolatile(this);
      r.next = top;
    } while (!SPILL_TOP.compareAndSet(this, top, r));
    if (top == null) {
      wakeConsumer();
    }
    return true;
  }

  /**
   * Takes the whole spill list and hands its spans to {@code sink}, oldest first; returns how many.
   * The records are the sink's to keep (they are no slots). Only the exporter thread calls this.
   */
  public int drainSpilled(SpanSink sink) {
    if (SPILL_TOP.getVolatile(this) == null) { // a read, not a write to the line writers share with tail
      return 0;
    }
    SpanRecord newest = (SpanRecord) SPILL_TOP.getAndSet(this, null);
    SpanRecord oldest = null;
    int n = 0;
    for (SpanRecord r = newest, next; r != null; r = next, n++) { // reverse the list: oldest first
      next = r.next;
      r.next = oldest;
      oldest = r;
    }
    SPILLED.getAndAdd(this, (long) -n);
    for (SpanRecord r = oldest, next; r != null; r = next) {
      next = r.next;
      r.next = null;
      sink.accept(r);
    }
    return n;
  }

  private long claim() {
    long position = (long) TAIL.getVolatile(this);
    while (true) {
      long difference = slots[(int) position & mask].sequence() - position;
      if (difference == 0) {
        if (TAIL.compareAndSet(this, position, position + 1)) {
          return position;
        }
        position = (long) TAIL.getVolatile(this);
      } else if (difference < 0) {
        return -1; // full
      } else {
        position = (long) TAIL.getVolatile(this);
      }
    }
  }

  /**
   * Hands up to {@code max} written spans to {@code sink}, in order, and frees their slots. Only the
   * exporter thread calls this.
   */
  public int drain(SpanSink sink, int max) {
    int drained = 0;
    while (drained < max) {
      long position = head;
      SpanRecord r = slots[(int) position & mask];
      if (r.sequence() != position + 1) {
        break;
      }
      try {
        sink.accept(r);
      } finally {
        r.clear();
        head = position + 1;
        r.publish(position + mask + 1);
      }
      drained++;
    }
    return drained;
  }

  /** Receives drained spans; the record is the ring's slot, reused: copy what you keep. */
  public interface SpanSink {
    void accept(SpanRecord record);
  }
}
