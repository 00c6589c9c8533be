package dev.perfagent.agent.weave;

/** Where class files are read from by their internal name: a class loader's resources, a class path. */
public interface ClassFileSource {
  /** The class file of {@code internalName} ({@code com/acme/Outer$Inner}), or null when there is none. */
  byte[] classFile(String internalName);
}
