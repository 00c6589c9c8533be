package dev.perfagent.agent.weave;

/**
 * Which classes belong to the other Java agents perf-agent is known to run beside (see {@link
 * OtherAgents}), by name and class loader alone: no Byte Buddy, so that the check can run before
 * the weaver is built.
 */
final class OtherAgentNames {
  /**
   * The agents' own packages; their class loaders are classes of these packages too. Joined at run
   * time: the shade plugin relocates {@code io.opentelemetry} in string constants too (with dots or
   * slashes), which would turn the first into perf-agent's own shaded package.
   */
  private static final String[] PACKAGES = {
    String.join(".", "io", "opentelemetry", "javaagent", ""), String.join(".", "co", "elastic", "apm", "agent", "")
  };

  private OtherAgentNames() {}

  /** True for a class of another agent: in one of its packages, or defined by its class loader. */
  static boolean owns(Class<?> type) {
    return isAgentName(type.getName()) || isAgentLoader(type.getClassLoader());
  }

  static boolean isAgentLoader(ClassLoader loader) {
    return loader != null && isAgentName(loader.getClass().getName());
  }

  static boolean isAgentName(String className) {
    for (String p : PACKAGES) {
      if (className.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
