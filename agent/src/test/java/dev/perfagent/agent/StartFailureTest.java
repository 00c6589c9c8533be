package dev.perfagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class StartFailureTest {
  @Test
  void theCauseIsShownNotTheReflectionAroundIt() {
    assertEquals(
        "perf-agent: disabled, could not start: java.lang.IllegalStateException: no ring;"
            + " the application runs without instrumentation",
        StartFailure.describe(new InvocationTargetException(new IllegalStateException("no ring"))));
  }

  @Test
  void runningOutOfMemorySaysSoAndWhatDecidesTheMemory() {
    assertEquals(
        "perf-agent: disabled, could not start: not enough memory (java.lang.OutOfMemoryError: Java heap space;"
            + " export.buffer-size and the maximum heap, -Xmx, decide what the agent allocates at start);"
            + " the application runs without instrumentation",
        StartFailure.describe(new InvocationTargetException(new OutOfMemoryError("Java heap space"))));
  }
}
