package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Frame;
import dev.perfagent.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of a method whose span ends when the callback it takes ends
 * ({@code end: callback}): opens the call's frame (with the values that flow down, if the pointcut
 * has any) and gives the method a stand-in for its callback.
 */
final class SpanCallbackEnterAdvice {
  private SpanCallbackEnterAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Frame enter(
      @SiteId int site,
      @Advice.This(optional = true) Object self,
      @ArgA Object a,
      @ArgB Object b,
      @ArgC Object c,
      @CallbackArgument Object callback,
      @CallbackType Class<?> type) {
    Frame frame = Recorder.enterFlowing(site, self, a, b, c);
    callback = Recorder.followCallback(frame, callback, type);
    return frame;
  }
}
