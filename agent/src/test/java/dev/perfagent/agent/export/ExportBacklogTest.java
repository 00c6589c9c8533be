package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.bootstrap.SpanRecord;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.bootstrap.TestRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExportBacklogTest {
  @Test
  void keepsMoreSpansThanTheRingHoldsAndHandsThemOverInOrder() {
    SpanRing ring = new SpanRing(4, 1);
    ExportBacklog backlog = new ExportBacklog(100);
    for (int i = 1; i <= 10; i++) { // the ring's slots are reused: the backlog keeps copies
      TestRecords.write(ring, i, "v" + i);
      assertEquals(1, ring.drain(backlog::keep, 10));
    }
    List<String> handed = new ArrayList<>();
    assertEquals(3, backlog.handTo(r -> handed.add(r.spanId() + ":" + r.value(0) + ":" + r.endNanos()), 3));
    assertEquals(7, backlog.size());
    assertEquals(7, backlog.handTo(r -> handed.add(r.spanId() + ":" + r.value(0) + ":" + r.endNanos()), 100));
    assertEquals(List.of("1:v1:10", "2:v2:20", "3:v3:30", "4:v4:40", "5:v5:50", "6:v6:60", "7:v7:70",
        "8:v8:80", "9:v9:90", "10:v10:100"), handed);
    assertEquals(0, backlog.size(), "handed over once");
  }

  @Test
  void whatDoesNotFitIsCounted() {
    SpanRing ring = new SpanRing(8, 1);
    ExportBacklog backlog = new ExportBacklog(3);
    for (int i = 1; i <= 5; i++) {
      TestRecords.write(ring, i, null);
    }
    List<Boolean> kept = new ArrayList<>();
    ring.drain(r -> kept.add(backlog.keep(r)), 10);
    assertEquals(List.of(true, true, true, false, false), kept);
    assertEquals(2, backlog.overflowed());
    assertEquals(3, backlog.size());
  }

  @Test
  void spilledSpansAreKeptAsTheyAreWithinTheSameLimit() {
    SpanRing ring = new SpanRing(4, 1, 0, 10);
    for (int i = 1; i <= 7; i++) {
      TestRecords.write(ring, i, "v" + i);
    }
    ExportBacklog backlog = new ExportBacklog(5);
    List<SpanRecord> spilled = new ArrayList<>();
    assertEquals(3, ring.drainSpilled(spilled::add));
    spilled.forEach(backlog::adopt);
    assertEquals(2, ring.drain(backlog::keep, 2));
    assertEquals(2, ring.drain(backlog::keep, 2));
    assertEquals(2, backlog.overflowed());
    List<SpanRecord> handed = new ArrayList<>();
    assertEquals(5, backlog.handTo(handed::add, 10));
    assertSame(spilled.get(0), handed.get(0), "not copied");
    assertEquals(List.of(5L, 6L, 7L, 1L, 2L), handed.stream().map(SpanRecord::spanId).collect(Collectors.toList()));
  }

  @Test
  void itTakesASixteenthOfTheHeap() {
    long perSpan = SpanRing.bytesPerSlot(4, 2);
    assertEquals((64L << 20) / 16 / perSpan, ExportBacklog.limit(4, 2, 64L << 20));
    assertTrue(ExportBacklog.limit(4, 2, 1024) >= 1, "at least one span");
    assertFalse(ExportBacklog.limit(4, 2, Long.MAX_VALUE) > (4L << 30) / 16 / perSpan, "an unlimited heap counts as 4 GiB");
  }
}
