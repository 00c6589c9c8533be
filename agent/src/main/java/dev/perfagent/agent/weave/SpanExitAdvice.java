package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Frame;
import dev.perfagent.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at every exit of span-mode methods that do not read their return value. The parameters
 * bound through {@link ArgA}, {@link ArgB}, {@link ArgC} are the (at most three) arguments the
 * pointcut reads, or null: no argument array is built.
 */
final class SpanExitAdvice {
  private SpanExitAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Frame frame,
      @Advice.This(optional = true) Object self,
      @ArgA Object a,
      @ArgB Object b,
      @ArgC Object c,
      @Advice.Thrown Throwable thrown) {
    Recorder.exit(frame, self, a, b, c, null, thrown);
  }
}
