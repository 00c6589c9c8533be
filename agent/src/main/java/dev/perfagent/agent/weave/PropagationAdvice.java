package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Propagation;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of the JDK methods that take work to run on another thread: the task
 * argument is replaced by one that carries the current span's context (or left as it is when no
 * span is open).
 */
final class PropagationAdvice {
  private PropagationAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@TaskArgument Object task, @TaskKind int kind) {
    task = Propagation.wrap(task, kind);
  }
}
