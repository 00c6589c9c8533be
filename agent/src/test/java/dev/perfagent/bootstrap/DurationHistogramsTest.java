package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DurationHistogramsTest {
  @Test
  void bucketsArePowersOfTwoUpperInclusive() {
    assertEquals(0, DurationHistograms.bucket(0));
    assertEquals(0, DurationHistograms.bucket(1));
    assertEquals(1, DurationHistograms.bucket(2));
    assertEquals(2, DurationHistograms.bucket(3));
    assertEquals(2, DurationHistograms.bucket(4));
    assertEquals(10, DurationHistograms.bucket(1024));
    assertEquals(11, DurationHistograms.bucket(1025));
    assertEquals(DurationHistograms.BUCKETS - 1, DurationHistograms.bucket(Long.MAX_VALUE));
  }

  @Test
  void sumsAllThreadsAndKeepsWhatEndedThreadsRecorded() throws Exception {
    int slot = 63; // no other test uses it
    assertNull(DurationHistograms.snapshot(slot));
    Thread worker = new Thread(() -> {
      ThreadState.current().aggregate(slot, 1000);
      ThreadState.current().aggregate(slot, 3000);
    });
    worker.start();
    worker.join();
    ThreadState.current().aggregate(slot, 10);
    for (int round = 0; round < 2; round++) { // the second snapshot reads the ended thread from the retired totals
      long[] h = DurationHistograms.snapshot(slot);
      assertEquals(3, count(h));
      assertEquals(4010, h[DurationHistograms.SUM]);
      assertEquals(10, h[DurationHistograms.MIN]);
      assertEquals(3000, h[DurationHistograms.MAX]);
      assertEquals(1, h[DurationHistograms.bucket(1000)]);
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
