package dev.perfagent.agent.weave;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All supertypes of a class, by internal name, read from class files through the class loader that
 * defines it (the JDK's from their loaded classes) and remembered per loader: each supertype's class
 * file is read once per loader, not once per class that extends it. Unknown (null) when a class file
 * on the way cannot be read, as for classes another agent defines at run time; the caller then
 * decides as if it could match.
 */
final class SupertypeNames {
  private static final String OBJECT = "java/lang/Object";

  /** Per loader, at most this many supertypes are remembered; beyond, they are read each time. */
  private static final int REMEMBERED_PER_LOADER = 20_000;
  private static final int DEEPEST = 64;

  private final Map<ClassLoader, Map<String, Set<String>>> byLoader =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final Map<String, Set<String>> boot = new ConcurrentHashMap<>();

  /**
   * The class of {@code classFile} and all its supertypes (itself not included), or null when
   * unknown.
   */
  Set<String> of(ClassLoader loader, byte[] classFile) {
    String[] direct = ConstantPoolNames.directSupertypes(classFile);
    return direct == null ? null : of(loader, direct);
  }

  /** All supertypes of a class whose direct supertypes are {@code direct}, or null when unknown. */
  Set<String> of(ClassLoader loader, String[] direct) {
    return union(loader, direct, memo(loader), 0);
  }

  private Set<String> union(ClassLoader loader, String[] names, Map<String, Set<String>> memo, int depth) {
    Set<String> all = new HashSet<>();
    for (String name : names) {
      Set<String> above = closure(loader, name, memo, depth);
      if (above == null) {
        return null;
      }
      all.add(name);
      all.addAll(above);
    }
    return all;
  }

  /** The supertypes of {@code name} as {@code loader} sees it (itself not included), or null. */
  private Set<String> closure(ClassLoader loader, String name, Map<String, Set<String>> memo, int depth) {
    if (name.equals(OBJECT) || OtherAgentNames.isAgentName(name.replace('/', '.'))) {
      // the root of every hierarchy, whose class file need not be read; and the interfaces another
      // agent makes classes implement at run time, which have none and extend nothing a pointcut names
      return Set.of();
    }
    Set<String> known = memo.get(name);
    if (known != null) {
      return known;
    }
    if (depth > DEEPEST) {
      return null;
    }
    String[] direct = JdkClasses.neverWeavable(name.replace('/', '.')) ? loadedJdkSupertypes(name) : null;
    if (direct == null) {
      direct = ConstantPoolNames.directSupertypes(TypeFacts.resource(loader, name));
    }
    if (direct == null) {
      return null;
    }
    Set<String> all = union(loader, direct, memo, depth + 1);
    if (all != null && memo.size() < REMEMBERED_PER_LOADER) {
      all = Set.copyOf(all);
      memo.put(name, all);
    }
    return all;
  }

  /**
   * The direct supertypes of JDK class {@code name}, one no pointcut can weave, from the class the
   * platform class loader (which sees the boot loader's too) resolves it to; null when it has none (a
   * {@code javax} package an application's jar provides). Looking up a JDK class costs far less than
   * finding and reading its class file through the application's loader (0.15 ms each in the
   * test-app's start, interpreted), and loading it early changes nothing: a class loaded inside a
   * transformation is not handed to this agent's transformer, which would never weave it anyway.
   */
  private static String[] loadedJdkSupertypes(String name) {
    Class<?> type;
    try {
      type = Class.forName(name.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
    Class<?> superclass = type.getSuperclass();
    Class<?>[] interfaces = type.getInterfaces();
    String[] direct = new String[interfaces.length + (superclass == null ? 0 : 1)];
    int i = 0;
    if (superclass != null) {
      direct[i++] = superclass.getName().replace('.', '/');
    }
    for (Class<?> parent : interfaces) {
      direct[i++] = parent.getName().replace('.', '/');
    }
    return direct;
  }

  private Map<String, Set<String>> memo(ClassLoader loader) {
    if (loader == null) {
      return boot;
    }
    return byLoader.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
  }
}
