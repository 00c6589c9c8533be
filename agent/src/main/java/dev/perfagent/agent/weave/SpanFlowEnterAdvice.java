package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Frame;
import dev.perfagent.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of the methods of a pointcut with {@code flow-down}: opens the call's frame
 * and reads the values that flow down from {@code this} and the arguments as they are at entry.
 * Other span-mode methods keep {@link SpanEnterAdvice}, which passes only the site id.
 */
final class SpanFlowEnterAdvice {
  private SpanFlowEnterAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Frame enter(
      @SiteId int site,
      @Advice.This(optional = true) Object self,
      @ArgA Object a,
      @ArgB Object b,
      @ArgC Object c) {
    return Recorder.enterFlowing(site, self, a, b, c);
  }
}
