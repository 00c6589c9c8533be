package dev.perfagent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HeatmapTest {
  private static final long MS = 1_000_000L;

  @Test
  void latencyClassesAreFourPerPowerOfTen() {
    assertEquals(0, LatencyBuckets.index(0));
    assertEquals(0, LatencyBuckets.index(1));
    assertEquals(3, LatencyBuckets.index(9));
    assertEquals(4, LatencyBuckets.index(10));
    assertEquals(12, LatencyBuckets.index(1_000));
    assertEquals(11, LatencyBuckets.index(999));
    assertEquals(LatencyBuckets.COUNT - 1, LatencyBuckets.index(Long.MAX_VALUE));
    assertEquals(1_000, LatencyBuckets.low(12), 1e-9);
    assertEquals(LatencyBuckets.low(13), LatencyBuckets.high(12), 1e-9);
  }

  @Test
  void columnsWidenToHoldALongRunInBoundedMemory() {
    Heatmap h = new Heatmap();
    // one call every 10 ms for 100 s, 1 ms each, and one of 1 s
    for (int i = 0; i < 10_000; i++) {
      h.add(5_000 * MS + i * 10 * MS, 1_000);
    }
    h.add(5_000 * MS + 50_000 * MS, 1_000_000);
    assertTrue(h.columns().size() <= Heatmap.MAX_COLUMNS, "columns: " + h.columns().size());
    assertEquals(10_001, h.columns().values().stream().mapToLong(c -> Arrays.stream(c).sum()).sum());
    // 10 ms doubled until 100 s fit in 60 columns: 2.56 s
    assertEquals(2_560 * MS, h.columnNanos());
    long[] second = h.columns().get(50_000 * MS / h.columnNanos());
    assertEquals(1, second[LatencyBuckets.index(1_000_000)]);
  }

  @Test
  void aCallBeforeTheFirstOneSeenGoesInAColumnBeforeIt() {
    Heatmap h = new Heatmap();
    h.add(1_000 * MS, 5);
    h.add(985 * MS, 5);
    assertEquals(2, h.columns().size());
    assertEquals(-2L, (long) h.columns().keySet().iterator().next());
  }

  @Test
  void theHistogramsClassesCountEveryValue() {
    Distribution d = new Distribution(1);
    for (long v : new long[] {1, 9, 10, 11, 999, 1_000, 1_000_000}) {
      d.add(v);
    }
    long[] buckets = d.buckets();
    assertEquals(7, Arrays.stream(buckets).sum());
    assertEquals(2, buckets[4]); // 10 and 11
    assertEquals(1, buckets[LatencyBuckets.index(1_000_000)]);
  }
}
