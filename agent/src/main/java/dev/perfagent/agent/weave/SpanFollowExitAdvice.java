package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Frame;
import dev.perfagent.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * As {@link SpanReturnExitAdvice}, for spans that follow the stream of items the method returns:
 * the method returns a wrapper of its declared return type ({@link DeclaredReturnType}) that ends
 * the span when closed or consumed.
 */
final class SpanFollowExitAdvice {
  private SpanFollowExitAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Frame frame,
      @Advice.This(optional = true) Object self,
      @ArgA Object a,
      @ArgB Object b,
      @ArgC Object c,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown,
      @DeclaredReturnType Class<?> declared) {
    returned = Recorder.exitFollowing(frame, self, a, b, c, returned, thrown, declared);
  }
}
