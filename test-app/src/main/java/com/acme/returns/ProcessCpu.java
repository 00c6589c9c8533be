package com.acme.returns;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time of the whole process (every thread: the JIT's and the GC's too), for the summary's
 * CPU per conversation: on a shared machine it moves less than the wall-clock rate does.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  /** Nanoseconds of CPU the process has used so far, or -1 when the JVM does not say. */
  static long nanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : -1;
  }
}
