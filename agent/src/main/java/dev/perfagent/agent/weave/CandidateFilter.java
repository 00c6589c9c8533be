package dev.perfagent.agent.weave;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.LongAdder;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Byte Buddy's transformer behind a {@link CandidateClasses} check: a class no rule can weave is
 * returned unchanged before Byte Buddy describes it. Installed as a {@link
 * AgentBuilder.TransformerDecorator}, so a config change substitutes filter and rules together.
 */
final class CandidateFilter extends ResettableClassFileTransformer.WithDelegation {
  private final CandidateClasses candidates;
  private final LongAdder retransformed;

  private CandidateFilter(
      ResettableClassFileTransformer transformer, CandidateClasses candidates, LongAdder retransformed) {
    super(transformer);
    this.candidates = candidates;
    this.retransformed = retransformed;
  }

  /**
   * @param retransformed counts the loaded classes passed over, as Byte Buddy's listener counts those
   *     it looked at: a class a config change un-weaves is retransformed too
   */
  static AgentBuilder.TransformerDecorator decorator(CandidateClasses candidates, LongAdder retransformed) {
    // loads the classes the check uses now, not while it runs inside a class load
    candidates.warmUp();
    return transformer -> new CandidateFilter(transformer, candidates, retransformed);
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] classFile)
      throws IllegalClassFormatException {
    return mayWeave(loader, name, redefined, classFile)
        ? classFileTransformer.transform(loader, name, redefined, domain, classFile)
        : null;
  }

  @Override
  public byte[] transform(
      Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
      byte[] classFile) throws IllegalClassFormatException {
    return mayWeave(loader, name, redefined, classFile)
        ? classFileTransformer.transform(module, loader, name, redefined, domain, classFile)
        : null;
  }

  private boolean mayWeave(ClassLoader loader, String name, Class<?> redefined, byte[] classFile) {
    if (candidates.mayWeave(loader, name, classFile)) {
      return true;
    }
    if (redefined != null) {
      retransformed.increment();
    }
    return false;
  }
}
