package dev.perfagent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded ring of completed spans, written by application threads and drained by the single
 * exporter thread. All storage is allocated up front, one {@link SpanRecord} per slot so that a
 * write touches few cache lines; when the ring is full the span is dropped and counted, the
 * application thread never waits. (A bounded MPSC queue after Dmitry Vyukov's design: each slot
 * carries a sequence number telling whether it is free, written or being written.)
 */
public final class SpanRing {
  private static final VarHandle TAIL;

  static {
    try {
      TAIL = MethodHandles.lookup().findVarHandle(SpanRing.class, "tail", long.class);
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

  /**
   * @param capacity slots, rounded up to a power of two
   * @param width the most values one span carries
   */
  public SpanRing(int capacity, int width) {
    this(capacity, width, 0);
  }

  /**
   * @param capacity slots, rounded up to a power of two
   * @param width the most values one span carries
   * @param aggregateSlots how many aggregate-mode pointcuts a span can report on
   */
  public SpanRing(int capacity, int width, int aggregateSlots) {
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
   * {@link SpanRecord} (16-byte header, 11 longs, 2 ints, 5 references: 152 bytes; a
   * {@link FlowingValues} is shared with the call that made it, not owned by the slot), its values array
   * ({@code width} references) and its aggregate counters (4 longs per aggregate pointcut).
   */
  public static long bytesPerSlot(int width, int aggregateSlots) {
    return 8 + 152 + array(8L * width) + array(8L * 4 * aggregateSlots);
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

  /** Spans written so far (slots claimed: every write that did not find the ring full). */
  public long written() {
    return (long) TAIL.getVolatile(this);
  }

  /**
   * Writes the finished span {@code span}; false when the ring is full and the span is dropped (the
   * caller counts it). Its values are frozen already, so claiming a slot is the last step and a
   * slow getter never holds one.
   */
  boolean write(OpenSpan span, long end, FrozenError error, int endReason) {
    long position = claim();
    if (position < 0) {
      return false;
    }
    SpanRecord r = slots[(int) position & mask];
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
    r.publish(position + 1);
    if ((position & (wakeInterval - 1)) == wakeInterval - 1) {
      Thread waiting = consumer;
      if (waiting != null) {
        LockSupport.unpark(waiting);
      }
    }
    return true;
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
