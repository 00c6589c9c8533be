package com.acme.returns;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time of the whole process (every thread: the JIT's and the GC's too), for the summary's
 * CPU per conversation: on a shared machine it moves less than the wall-clock rate does.
 */
final class ProcessCpu {
  /**
   * Looked up when the class is first used, which {@link Main} makes part of the start-up: the
   * first lookup loads the JVM's management classes, which no timed part of the run should pay for.
   */
  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

  private ProcessCpu() {}

  /** Nanoseconds of CPU the process has used so far, or -1 when the JVM does not say. */
  static long nanos() {
    return OS instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) OS).getProcessCpuTime()
        : -1;
  }
}
