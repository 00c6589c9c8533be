package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined at the normal exits of the methods of noting pointcuts ({@code extract: jdbc.statement}
 * ...): no frame and no span, only a note on the returned object.
 */
final class NoteAdvice {
  private NoteAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @SiteId int site,
      @Advice.This(optional = true) Object self,
      @ArgA Object a,
      @ArgB Object b,
      @ArgC Object c,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned) {
    Recorder.note(site, self, a, b, c, returned);
  }
}
