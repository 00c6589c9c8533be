package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the start of the methods of a pool-metrics pointcut ({@code extract: jdbc.pool-metrics},
 * HikariCP's {@code HikariPool.setMetricsTrackerFactory}): the method receives the agent's stand-in
 * for the factory it was given. No frame and no span.
 */
final class PoolMetricsAdvice {
  private PoolMetricsAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @SiteId int site,
      @Advice.This(optional = true) Object self,
      @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object factory,
      @FirstParameterType Class<?> type) {
    factory = Recorder.poolMetrics(site, self, factory, type);
  }
}
