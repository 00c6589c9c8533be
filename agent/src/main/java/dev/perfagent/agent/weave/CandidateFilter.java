package dev.perfagent.agent.weave;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Byte Buddy's transformer behind a {@link CandidateClasses} check: a class no rule can weave is
 * returned unchanged before Byte Buddy describes it. Installed as a {@link
 * AgentBuilder.TransformerDecorator}, so a config change substitutes filter and rules together.
 */
final class CandidateFilter extends ResettableClassFileTransformer.WithDelegation {
  private final CandidateClasses candidates;

  private CandidateFilter(ResettableClassFileTransformer transformer, CandidateClasses candidates) {
    super(transformer);
    this.candidates = candidates;
  }

  static AgentBuilder.TransformerDecorator decorator(CandidateClasses candidates) {
    // loads the classes the check uses now, not while it runs inside a class load
    candidates.warmUp();
    return transformer -> new CandidateFilter(transformer, candidates);
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] classFile)
      throws IllegalClassFormatException {
    return candidates.mayWeave(loader, name, classFile)
        ? classFileTransformer.transform(loader, name, redefined, domain, classFile)
        : null;
  }

  @Override
  public byte[] transform(
      Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
      byte[] classFile) throws IllegalClassFormatException {
    return candidates.mayWeave(loader, name, classFile)
        ? classFileTransformer.transform(module, loader, name, redefined, domain, classFile)
        : null;
  }
}
