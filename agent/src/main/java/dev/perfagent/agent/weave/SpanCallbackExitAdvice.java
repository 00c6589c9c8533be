package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Frame;
import dev.perfagent.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/** Inlined at every exit of a method woven with {@link SpanCallbackEnterAdvice}: hands the frame back. */
final class SpanCallbackExitAdvice {
  private SpanCallbackExitAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Frame frame,
      @Advice.This(optional = true) Object self,
      @ArgA Object a,
      @ArgB Object b,
      @ArgC Object c,
      @Advice.Thrown Throwable thrown) {
    Recorder.exitCallback(frame, self, a, b, c, thrown);
  }
}
