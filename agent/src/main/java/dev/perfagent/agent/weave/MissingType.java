package dev.perfagent.agent.weave;

/** A class the weaver needs to look at (a supertype, a parameter's type) that cannot be read. */
final class MissingType extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MissingType(String internalName) {
    super(internalName.replace('/', '.'), null, false, false);
  }
}
