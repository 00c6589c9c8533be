package dev.perfagent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded ring of completed spans, written by application threads and drained by the single
 * exporter thread. All storage is allocated up front; when the ring is full the span is dropped and
 * counted, the application thread never waits. (A bounded MPSC queue after Dmitry Vyukov's design:
 * each slot carries a sequence number telling whether it is free, written or being written.)
 */
public final class SpanRing {
  private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
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
  private final long[] sequences;
  private final int[] siteIds;
  private final long[] spanIds;
  private final long[] parentIds;
  private final long[] rootIds;
  private final long[] starts;
  private final long[] ends;
  private final Object[] threads;
  private final Throwable[] thrown;
  private final Object[] values;
  private final int aggregateSlots;
  private final long aggregateMaskLimit;
  private final long[] aggregateMasks;
  private final long[] aggregates;

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
    int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
    this.mask = size - 1;
    this.width = width;
    this.sequences = new long[size];
    for (int i = 0; i < size; i++) {
      sequences[i] = i;
    }
    this.siteIds = new int[size];
    this.spanIds = new long[size];
    this.parentIds = new long[size];
    this.rootIds = new long[size];
    this.starts = new long[size];
    this.ends = new long[size];
    this.threads = new Object[size];
    this.thrown = new Throwable[size];
    this.values = new Object[size * width];
    this.aggregateSlots = aggregateSlots;
    this.aggregateMaskLimit = aggregateSlots >= 64 ? -1L : (1L << aggregateSlots) - 1;
    this.aggregateMasks = new long[size];
    this.aggregates = new long[size * aggregateSlots * 4];
  }

  public int capacity() {
    return mask + 1;
  }

  public int width() {
    return width;
  }

  /** Spans written so far (slots claimed: every write that did not find the ring full). */
  public long written() {
    return (long) TAIL.getVolatile(this);
  }

  void write(
      int siteId, long spanId, long parentId, long rootId, long start, long end,
      ThreadState thread, PointcutPlan plan, Object self, Object a, Object b, Object c,
      Object returned, Throwable error, long aggregateMask, long[] aggregateValues) {
    long position = claim();
    if (position < 0) {
      RecorderStats.DROPPED.increment();
      return;
    }
    int i = (int) position & mask;
    siteIds[i] = siteId;
    spanIds[i] = spanId;
    parentIds[i] = parentId;
    rootIds[i] = rootId;
    starts[i] = start;
    ends[i] = end;
    threads[i] = thread;
    thrown[i] = error;
    long mask = aggregateMask & aggregateMaskLimit;
    aggregateMasks[i] = mask;
    if (mask != 0) {
      System.arraycopy(aggregateValues, 0, aggregates, i * aggregateSlots * 4, aggregateSlots * 4);
    }
    try {
      if (plan.valueCount() <= width) {
        plan.readValues(values, i * width, self, a, b, c, returned, error);
      }
    } finally {
      SEQUENCE.setRelease(sequences, i, position + 1);
    }
  }

  private long claim() {
    long position = (long) TAIL.getVolatile(this);
    while (true) {
      int i = (int) position & mask;
      long sequence = (long) SEQUENCE.getAcquire(sequences, i);
      long difference = sequence - position;
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
    SpanRecord record = new SpanRecord();
    while (drained < max) {
      long position = head;
      int i = (int) position & mask;
      if ((long) SEQUENCE.getAcquire(sequences, i) != position + 1) {
        break;
      }
      record.siteId = siteIds[i];
      record.spanId = spanIds[i];
      record.parentId = parentIds[i];
      record.rootId = rootIds[i];
      record.startNanos = starts[i];
      record.endNanos = ends[i];
      record.thread = ((ThreadState) threads[i]).thread;
      record.thrown = thrown[i];
      record.values = values;
      record.valueOffset = i * width;
      record.aggregateMask = aggregateMasks[i];
      record.aggregates = aggregates;
      record.aggregateOffset = i * aggregateSlots * 4;
      try {
        sink.accept(record);
      } finally {
        threads[i] = null;
        thrown[i] = null;
        for (int k = i * width, end = k + width; k < end; k++) {
          values[k] = null;
        }
        head = position + 1;
        SEQUENCE.setRelease(sequences, i, position + mask + 1);
      }
      drained++;
    }
    return drained;
  }

  /** Receives drained spans; the record is reused, copy what you keep. */
  public interface SpanSink {
    void accept(SpanRecord record);
  }
}
