package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into methods of aggregate-mode pointcuts: two clock reads and a few counter updates in
 * the enclosing call's frame. No frame of its own, no span, no allocation.
 */
final class AggregateAdvice {
  private AggregateAdvice() {}

  @Advice.OnMethodEnter
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@SiteId int site, @Advice.Enter long start) {
    Recorder.aggregate(site, start);
  }
}
