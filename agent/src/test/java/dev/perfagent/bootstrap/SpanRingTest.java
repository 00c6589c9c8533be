package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanRingTest {
  private static final PointcutPlan READS_ARG =
      new PointcutPlan(new ValueReader[] {new ValueReader(ValueReader.ARG_A, new String[0])}, 0);

  private final ThreadState thread = ThreadState.current();

  @Test
  void drainsInOrderAndFreesTheSlots() {
    SpanRing ring = new SpanRing(4, 1);
    for (int i = 0; i < 3; i++) {
      ring.write(7, i + 1, 0, i + 1, 10 * i, 10 * i + 5, thread, READS_ARG, null, "v" + i, null, null, null, null, 0L, null);
    }
    List<String> seen = new ArrayList<>();
    assertEquals(3, ring.drain(r -> seen.add(r.spanId() + ":" + r.value(0) + ":" + r.endNanos()), 10));
    assertEquals(List.of("1:v0:5", "2:v1:15", "3:v2:25"), seen);
    assertEquals(0, ring.drain(r -> seen.add("again"), 10));
  }

  @Test
  void aFullRingDropsAndCountsInsteadOfWaiting() {
    SpanRing ring = new SpanRing(4, 1);
    long droppedBefore = RecorderStats.DROPPED.sum();
    for (int i = 0; i < 10; i++) {
      ring.write(1, i + 1, 0, 1, 0, 1, thread, READS_ARG, null, "x", null, null, null, null, 0L, null);
    }
    assertEquals(6, RecorderStats.DROPPED.sum() - droppedBefore);
    assertEquals(4, ring.drain(r -> {}, 100));
    ring.write(1, 99, 0, 1, 0, 1, thread, READS_ARG, null, "after", null, null, null, null, 0L, null);
    Object[] last = new Object[1];
    assertEquals(1, ring.drain(r -> last[0] = r.value(0), 100));
    assertEquals("after", last[0]);
  }

  @Test
  void manyWritersLoseNothingThatFits() throws Exception {
    SpanRing ring = new SpanRing(1 << 16, 1);
    Thread[] writers = new Thread[4];
    for (int w = 0; w < writers.length; w++) {
      int base = w * 10_000;
      writers[w] =
          new Thread(
              () -> {
                ThreadState own = ThreadState.current();
                for (int i = 0; i < 10_000; i++) {
                  ring.write(1, base + i + 1, 0, 1, 0, 1, own, READS_ARG, null, null, null, null, null, null, 0L, null);
                }
              });
      writers[w].start();
    }
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
  void aDrainedSlotKeepsNoReferenceToTheAppsObjects() {
    SpanRing ring = new SpanRing(2, 1);
    PointcutPlan readsNothing = new PointcutPlan(new ValueReader[0], 0);
    ring.write(1, 1, 0, 1, 0, 1, thread, READS_ARG, null, new Object(), null, null, null, new RuntimeException(), 0L, null);
    ring.drain(r -> {}, 1);
    ring.write(1, 2, 0, 1, 0, 1, thread, readsNothing, null, null, null, null, null, null, 0L, null);
    ring.drain(r -> {}, 1);
    // the third write reuses the first slot without writing values: it must find it cleared
    ring.write(1, 3, 0, 1, 0, 1, thread, readsNothing, null, null, null, null, null, null, 0L, null);
    Object[] seen = {"not drained", "not drained"};
    ring.drain(r -> { seen[0] = r.value(0); seen[1] = r.thrown(); }, 1);
    assertNull(seen[0]);
    assertNull(seen[1]);
  }
}
