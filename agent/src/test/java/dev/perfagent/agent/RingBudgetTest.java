package dev.perfagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.bootstrap.SpanRing;
import org.junit.jupiter.api.Test;

class RingBudgetTest {
  private static final long MiB = 1024 * 1024;

  @Test
  void aSlotCostsItsRecordItsArraysAndItsReferencesAtMost() {
    assertEquals(8 + 160 + 16 + 16 + 8, RingBudget.bytesPerSlot(0, 0));
    assertEquals(208 + 3 * 8 + 2 * 32, RingBudget.bytesPerSlot(3, 2));
    assertEquals(8 + 160 + 16 + 8 + 16, SpanRing.bytesPerSlot(1, 0), "an array's payload is padded to 8 bytes");
  }

  @Test
  void aBufferThatFitsInAnEighthOfTheHeapIsKeptRoundedUpToAPowerOfTwo() {
    RingBudget budget = RingBudget.of(10_000, 2, 0, 512 * MiB);
    assertEquals(16384, budget.slots());
    assertEquals(16384 * RingBudget.bytesPerSlot(2, 0), budget.bytes());
    assertFalse(budget.warning().isPresent());
    assertFalse(RingBudget.of(16_777_216, 2, 0, Long.MAX_VALUE).warning().isPresent(), "no heap limit");
  }

  @Test
  void theLargestBufferWithASmallHeapIsReducedToFitAndTheWarningGivesBothFigures() {
    RingBudget budget = RingBudget.of(16_777_216, 2, 0, 64 * MiB);
    long perSlot = RingBudget.bytesPerSlot(2, 0);
    assertTrue(budget.bytes() <= 8 * MiB, budget.bytes() + " bytes");
    assertTrue(2L * budget.slots() * perSlot > 8 * MiB, "the largest power of two that fits: " + budget.slots());
    assertEquals(
        "perf-agent: export.buffer-size 16777216 needs about 3.5 GiB up front (224 bytes a span), more than 1/8"
            + " of the maximum heap (64.0 MiB); the buffer holds 32768 spans (7.0 MiB) instead",
        budget.warning().get());
  }

  @Test
  void theSpillHoldsSixteenTimesTheRingWithinASixteenthOfTheHeap() {
    assertEquals(16 * 8192, RingBudget.of(8192, 2, 1, 4096 * MiB).spillLimit());
    assertEquals(16 * 8192, RingBudget.of(8192, 2, 1, Long.MAX_VALUE).spillLimit(), "no heap limit");
    assertEquals(64 * MiB / 16 / SpanRing.bytesPerSlot(2, 1), RingBudget.of(8192, 2, 1, 64 * MiB).spillLimit());
  }

  @Test
  void neverBelowTheSmallestBuffer() {
    assertEquals(16, RingBudget.of(8192, 0, 0, 1024).slots());
  }
}
