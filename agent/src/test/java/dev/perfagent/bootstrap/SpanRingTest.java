package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SpanRingTest {
  private static final PointcutPlan READS_ARG =
      new PointcutPlan(new ValueReader[] {new ValueReader(ValueReader.ARG_A, new String[0])}, 0);
  private static final PointcutPlan READS_NOTHING = new PointcutPlan(new ValueReader[0], 0);

  /** A finished span of {@code plan} with id {@code id} and frozen values {@code values}. */
  static OpenSpan span(PointcutPlan plan, long id, Object... values) {
    OpenSpan s = new OpenSpan() {};
    s.siteId = 1;
    s.plan = plan;
    s.traceId = id;
    s.spanId = id;
    s.values = values;
    s.threadName = "test";
    return s;
  }

  @Test
  void drainsInOrderAndFreesTheSlots() {
    SpanRing ring = new SpanRing(4, 1);
    for (int i = 0; i < 3; i++) {
      ring.write(span(READS_ARG, i + 1, "v" + i), 10 * i + 5, null, SpanRecord.END_RETURNED);
    }
    List<String> seen = new ArrayList<>();
    assertEquals(3, ring.drain(r -> seen.add(r.spanId() + ":" + r.value(0) + ":" + r.endNanos()), 10));
    assertEquals(List.of("1:v0:5", "2:v1:15", "3:v2:25"), seen);
    assertEquals(0, ring.drain(r -> seen.add("again"), 10));
  }

  @Test
  void aCopyKeepsTheSpanWhenItsSlotIsReused() {
    SpanRing ring = new SpanRing(2, 1);
    ring.write(span(READS_ARG, 7, "kept"), 70, null, SpanRecord.END_COMPLETED);
    SpanRecord[] copy = new SpanRecord[1];
    ring.drain(r -> copy[0] = r.copy(), 1);
    for (int i = 0; i < 2; i++) {
      ring.write(span(READS_ARG, 100 + i, "later"), 1, null, SpanRecord.END_RETURNED);
      ring.drain(r -> {}, 1);
    }
    assertEquals(List.of(7L, 70L, "kept", SpanRecord.END_COMPLETED, "test"),
        List.of(copy[0].spanId(), copy[0].endNanos(), copy[0].value(0), copy[0].endReason(), copy[0].threadName()));
  }

  @Test
  void aFullRingDropsAndCountsInsteadOfWaiting() {
    SpanRing ring = new SpanRing(4, 1);
    int full = 0;
    for (int i = 0; i < 10; i++) {
      if (!ring.write(span(READS_ARG, i + 1, "x"), 1, null, SpanRecord.END_RETURNED)) {
        full++;
      }
    }
    assertEquals(6, full, "the writes that found it full say so (the caller counts them)");
    assertEquals(4, ring.drain(r -> {}, 100));
    ring.write(span(READS_ARG, 99, "after"), 1, null, SpanRecord.END_RETURNED);
    Object[] last = new Object[1];
    assertEquals(1, ring.drain(r -> last[0] = r.value(0), 100));
    assertEquals("after", last[0]);
  }

  @Test
  void aFullRingSpillsUpToItsLimitAndTheSpilledSpansComeOutOldestFirst() {
    SpanRing ring = new SpanRing(4, 1, 0, 3);
    int dropped = 0;
    for (int i = 0; i < 9; i++) {
      if (!ring.write(span(READS_ARG, i + 1, "v" + i), i, null, SpanRecord.END_RETURNED)) {
        dropped++;
      }
    }
    assertEquals(2, dropped, "4 in the ring, 3 spilled, the rest dropped");
    assertEquals(7, ring.written());
    assertEquals(3, ring.spilledEver());
    List<String> seen = new ArrayList<>();
    assertEquals(4, ring.drain(r -> seen.add(r.spanId() + ":" + r.value(0)), 10));
    List<SpanRecord> kept = new ArrayList<>();
    assertEquals(3, ring.drainSpilled(kept::add));
    kept.forEach(r -> seen.add(r.spanId() + ":" + r.value(0) + ":" + r.endNanos()));
    assertEquals(List.of("1:v0", "2:v1", "3:v2", "4:v3", "5:v4:4", "6:v5:5", "7:v6:6"), seen);
    assertEquals(0, ring.drainSpilled(kept::add));
    for (int i = 0; i < 5; i++) {
      ring.write(span(READS_ARG, 10 + i, "again"), 1, null, SpanRecord.END_RETURNED);
    }
    assertEquals(12, ring.written(), "the spill has room again once taken: 4 more in the ring, 1 spilled");
  }

  @Test
  void withoutASpillAFullRingDrops() {
    SpanRing ring = new SpanRing(4, 1);
    for (int i = 0; i < 5; i++) {
      ring.write(span(READS_ARG, i + 1, "x"), 1, null, SpanRecord.END_RETURNED);
    }
    assertEquals(4, ring.written());
    assertEquals(0, ring.drainSpilled(r -> {}));
  }

  @Test
  @Timeout(30)
  void manyWritersOnASmallRingLoseNothingThatSpills() throws Exception {
    SpanRing ring = new SpanRing(16, 1, 0, 40_000);
    Thread[] writers = fourWriters(ring);
    long[] sum = new long[2];
    SpanRing.SpanSink count = r -> { sum[0]++; sum[1] += r.spanId(); };
    while (sum[0] < 40_000) {
      ring.drain(count, 8);
      ring.drainSpilled(count);
    }
    for (Thread w : writers) {
      w.join();
    }
    assertEquals(40_000, ring.written());
    assertEquals(40_000, sum[0]);
    assertEquals(40_000L * 40_001 / 2, sum[1]);
  }

  @Test
  @Timeout(30)
  void manyWritersLoseNothingThatFits() throws Exception {
    SpanRing ring = new SpanRing(1 << 16, 1);
    Thread[] writers = fourWriters(ring);
    long[] sum = new long[2];
    while (sum[0] < 40_000) {
      ring.drain(r -> { sum[0]++; sum[1] += r.spanId(); }, 1000);
    }
    for (Thread w : writers) {
      w.join();
    }
    assertEquals(40_000, sum[0]);
    assertEquals(40_000L * 40_001 / 2, sum[1]);
  }

  @Test
  void aDrainedSlotKeepsNothingOfAnEarlierSpan() {
    SpanRing ring = new SpanRing(2, 1);
    ring.write(span(READS_ARG, 1, "value"), 1, FrozenError.of(new RuntimeException(), 100, new RecorderStats()),
        SpanRecord.END_RETURNED);
    ring.drain(r -> {}, 1);
    ring.write(span(READS_NOTHING, 2), 1, null, SpanRecord.END_RETURNED);
    ring.drain(r -> {}, 1);
    // the third write reuses the first slot without writing values: it must find it cleared
    ring.write(span(READS_NOTHING, 3), 1, null, SpanRecord.END_RETURNED);
    Object[] seen = {"not drained", "not drained"};
    ring.drain(r -> { seen[0] = r.value(0); seen[1] = r.error(); }, 1);
    assertNull(seen[0]);
    assertNull(seen[1]);
  }

  /** Four threads, started, writing spans 1 to 40,000 between them. */
  private static Thread[] fourWriters(SpanRing ring) {
    Thread[] writers = new Thread[4];
    for (int w = 0; w < writers.length; w++) {
      int base = w * 10_000;
      writers[w] =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  ring.write(span(READS_ARG, base + i + 1, (Object) null), 1, null, SpanRecord.END_RETURNED);
                }
              });
      writers[w].start();
    }
    return writers;
  }
}
