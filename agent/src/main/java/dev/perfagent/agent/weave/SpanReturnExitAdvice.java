package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Frame;
import dev.perfagent.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** As {@link SpanExitAdvice}, for pointcuts that read the return value (boxed if primitive). */
final class SpanReturnExitAdvice {
  private SpanReturnExitAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Frame frame,
      @Advice.This(optional = true) Object self,
      @ArgA Object a,
      @ArgB Object b,
      @ArgC Object c,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown) {
    Recorder.exit(frame, self, a, b, c, returned, thrown);
  }
}
