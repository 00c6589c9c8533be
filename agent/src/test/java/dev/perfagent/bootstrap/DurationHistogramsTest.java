package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DurationHistogramsTest {
  @Test
  void bucketsAreTheSecondBasedBoundariesUpperInclusive() {
    assertArrayEquals(
        new long[] {5_000_000L, 10_000_000L, 25_000_000L, 50_000_000L, 75_000_000L, 100_000_000L,
            250_000_000L, 500_000_000L, 750_000_000L, 1_000_000_000L, 2_500_000_000L,
            5_000_000_000L, 7_500_000_000L, 10_000_000_000L},
        DurationHistograms.boundaryNanos());
    assertEquals(15, DurationHistograms.BUCKETS);
    assertEquals(0, DurationHistograms.bucket(0));
    assertEquals(0, DurationHistograms.bucket(5_000_000));
    assertEquals(1, DurationHistograms.bucket(5_000_001));
    assertEquals(9, DurationHistograms.bucket(1_000_000_000));
    assertEquals(13, DurationHistograms.bucket(10_000_000_000L));
    assertEquals(DurationHistograms.BUCKETS - 1, DurationHistograms.bucket(10_000_000_001L));
    assertEquals(DurationHistograms.BUCKETS - 1, DurationHistograms.bucket(Long.MAX_VALUE));
  }

  @Test
  void theBoundariesCannotBeChangedFromOutside() {
    DurationHistograms.boundaryNanos()[0] = 1;
    assertEquals(5_000_000L, DurationHistograms.boundaryNanos()[0]);
  }

  @Test
  void sumsAllThreadsAndKeepsWhatEndedThreadsRecorded() throws Exception {
    int slot = 63;
    AggregateHistograms histograms = new AggregateHistograms();
    assertNull(histograms.snapshot(slot));
    Thread worker = new Thread(() -> {
      ThreadState.current().aggregate(histograms, slot, 1_000_000);
      ThreadState.current().aggregate(histograms, slot, 30_000_000);
    });
    worker.start();
    worker.join();
    ThreadState.current().aggregate(histograms, slot, 3_000_000_000L);
    for (int round = 0; round < 2; round++) { // the second snapshot reads the ended thread from the retired totals
      long[] h = histograms.snapshot(slot);
      assertEquals(3, count(h));
      assertEquals(3_031_000_000L, h[DurationHistograms.SUM]);
      assertEquals(1_000_000, h[DurationHistograms.MIN]);
      assertEquals(3_000_000_000L, h[DurationHistograms.MAX]);
      assertEquals(1, h[0], "1 ms: up to 5 ms");
      assertEquals(1, h[3], "30 ms: (25 ms, 50 ms]");
      assertEquals(1, h[11], "3 s: (2.5 s, 5 s]");
    }
  }

  private static long count(long[] h) {
    long n = 0;
    for (int i = 0; i < DurationHistograms.BUCKETS; i++) {
      n += h[i];
    }
    return n;
  }
}
