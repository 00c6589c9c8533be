package dev.perfagent.agent.weave;

import dev.perfagent.config.Pointcut;
import java.util.Optional;

/**
 * Which classes of the JDK the agent may weave. The agent runs on the JDK: weaving a class it uses
 * on its own recording path ({@code ThreadLocal}, strings, collections, the concurrency utilities,
 * reflection, ...) would make it record, and recurse into, its own work. So a pointcut reaches a
 * JDK class only by naming it exactly ({@code class:} without wildcards), and only in the few
 * packages below, which the recorder never calls; class patterns and {@code subtype-of} never
 * reach into the JDK. The executors woven for context propagation are the agent's own, fixed choice.
 */
final class JdkClasses {
  private static final String[] JDK_PREFIXES = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.xml.", "org.w3c.", "org.ietf."
  };
  /** The JDK packages whose classes a pointcut may name: network, HTTP client, JDBC. */
  static final String[] NAMEABLE_PACKAGES = {
    "java.net.", "jdk.internal.net.http.", "java.sql.", "javax.sql."
  };

  private JdkClasses() {}

  static boolean isJdk(String className) {
    return startsWithAny(className, JDK_PREFIXES);
  }

  /** A JDK class no pointcut can weave: outside the packages a pointcut may name. */
  static boolean neverWeavable(String className) {
    return isJdk(className) && !startsWithAny(className, NAMEABLE_PACKAGES);
  }

  /** The JDK class {@code pointcut} names exactly and may weave, if any. */
  static Optional<String> named(Pointcut pointcut) {
    return pointcut.classPattern()
        .map(p -> p.text())
        .filter(name -> !name.contains("*") && isJdk(name) && startsWithAny(name, NAMEABLE_PACKAGES));
  }

  /** Why {@code pointcut} cannot reach the JDK class it names, or empty when it names none. */
  static Optional<String> refusal(Pointcut pointcut) {
    return pointcut.classPattern()
        .map(p -> p.text())
        .filter(name -> !name.contains("*") && isJdk(name) && !startsWithAny(name, NAMEABLE_PACKAGES))
        .map(name -> "pointcut '" + pointcut.name() + "': " + name + " is part of the JDK the agent itself"
            + " runs on and is not woven (JDK classes can be named only in " + String.join(", ",
                packages()) + "); the pointcut is skipped");
  }

  private static String[] packages() {
    String[] out = new String[NAMEABLE_PACKAGES.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = NAMEABLE_PACKAGES[i] + "*";
    }
    return out;
  }

  private static boolean startsWithAny(String name, String[] prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
