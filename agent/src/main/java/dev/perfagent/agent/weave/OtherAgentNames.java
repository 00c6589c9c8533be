package dev.perfagent.agent.weave;

/**
 * The classes of the other Java agents perf-agent is known to run beside (the OpenTelemetry Java
 * agent, the Elastic APM agent), which it never weaves: their own packages, wherever loaded (their
 * bootstrap classes, the interfaces they define at run time), and everything their own class loaders
 * define (the libraries they carry, shaded or not: Byte Buddy, the OpenTelemetry SDK, Log4j, ...).
 * Decided by name and class loader alone, so that the check can run before the weaver is built.
 *
 * <p>No pointcut aims at them, but deciding that costs: started second, perf-agent would otherwise
 * describe and match each of the 3,000-odd classes such an agent has loaded before it, seconds of
 * start-up, and (before {@link TypeFacts} described them from loaded classes) fail on many.
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
