package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExpiryScheduleTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void anIdleExporterSleepsUntilTheNextExpiryAndNoLonger() {
    long start = 1_000 * SECOND;
    ExpirySchedule schedule = new ExpirySchedule(SECOND, start);
    assertTrue(schedule.due(start), "the first is due at once");
    assertEquals(SECOND, schedule.idleNanos(start), "idle: a whole interval, not 5 ms");
    assertFalse(schedule.due(start + SECOND / 2));
    assertEquals(SECOND / 2, schedule.idleNanos(start + SECOND / 2), "woken early by a writer: the rest");
    assertTrue(schedule.due(start + SECOND), "on time");
    assertEquals(SECOND, schedule.idleNanos(start + SECOND));
  }

  @Test
  void aLateWakeUpRunsTheExpiryAtOnceAndNeverSleepsZero() {
    ExpirySchedule schedule = new ExpirySchedule(SECOND, 0);
    schedule.due(0);
    assertEquals(1, schedule.idleNanos(5 * SECOND), "overdue: park as briefly as can be");
    assertTrue(schedule.due(5 * SECOND));
    assertEquals(SECOND, schedule.idleNanos(5 * SECOND));
  }

  @Test
  void nanoTimeMayBeNegative() {
    long start = Long.MIN_VALUE + 10;
    ExpirySchedule schedule = new ExpirySchedule(SECOND, start);
    assertTrue(schedule.due(start));
    assertFalse(schedule.due(start + SECOND - 1));
    assertTrue(schedule.due(start + SECOND));
  }
}
