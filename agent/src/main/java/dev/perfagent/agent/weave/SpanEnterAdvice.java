package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Frame;
import dev.perfagent.bootstrap.Recorder;
import net.bytebuddy.asm.Advice;

/** Inlined at the start of every span-mode method: opens the call's frame. */
final class SpanEnterAdvice {
  private SpanEnterAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Frame enter(@SiteId int site) {
    return Recorder.enter(site);
  }
}
