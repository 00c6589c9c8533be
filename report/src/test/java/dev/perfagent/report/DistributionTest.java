package dev.perfagent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistributionTest {
  @Test
  void percentilesOfASmallSetAreExactNearestRanks() {
    // 20 values, 10 20 ... 200: p50 is the 10th (100), p95 the 19th (190), p99 the 20th (200)
    Distribution d = new Distribution(1);
    for (int i = 20; i >= 1; i--) {
      d.add(i * 10);
    }
    assertEquals(100, d.percentile(50));
    assertEquals(190, d.percentile(95));
    assertEquals(200, d.percentile(99));
    assertEquals(10, d.percentile(1));
    assertEquals(105.0, d.mean());
    assertEquals(2100, d.total());
    assertEquals(200, d.max());
    assertEquals(20, d.count());
  }

  @Test
  void aLargeSetUsesTheHistogramWithinOnePercent() {
    // 1..100000: p50 = 50000, p95 = 95000, p99 = 99000
    Distribution d = new Distribution(1);
    for (int i = 1; i <= 100_000; i++) {
      d.add(i);
    }
    assertEquals(50_000, d.percentile(50), 500);
    assertEquals(95_000, d.percentile(95), 950);
    assertEquals(99_000, d.percentile(99), 990);
    assertEquals(Reservoir.CAPACITY, d.sample().length, "the sample stays bounded");
    assertEquals(100_000, d.max());
  }

  @Test
  void theReservoirIsAUniformSample() {
    Distribution d = new Distribution(7);
    for (int i = 0; i < 100_000; i++) {
      d.add(i);
    }
    long below = 0;
    for (long v : d.sample()) {
      below += v < 50_000 ? 1 : 0;
    }
    // half of 1024 expected; 5 standard deviations (16) either side
    assertTrue(Math.abs(below - 512) < 80, "values from the first half " + below);
  }

  @Test
  void nothingRecordedIsZero() {
    Distribution d = new Distribution(1);
    assertEquals(0, d.percentile(95));
    assertEquals(0.0, d.mean());
  }
}
