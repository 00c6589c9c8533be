package dev.perfagent.agent.validate;

import dev.perfagent.agent.weave.PointcutTargets;
import dev.perfagent.config.Pointcut;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * Runs the weaver's matchers over every class of a class path, described from its class file by a
 * type pool (as the weaver describes a class being loaded): no class of the class path is loaded,
 * so none is initialized.
 */
final class ClassPathScan {
  private final List<PointcutMatches> matches = new ArrayList<>();
  private final Set<String> names = new LinkedHashSet<>();
  private TypePool pool;
  private int classes;
  private int unreadable;

  private ClassPathScan() {}

  static ClassPathScan of(ClassPath classPath, List<Pointcut> pointcuts) throws IOException {
    ClassPathScan scan = new ClassPathScan();
    Set<String> names = scan.names;
    names.addAll(classPath.classNames());
    for (Pointcut pointcut : pointcuts) {
      PointcutMatches m = new PointcutMatches(pointcut);
      if (m.targets.refusal().isEmpty()) {
        scan.matches.add(m);
        // a JDK class a pointcut names is woven too; it is read from the JDK running this command
        m.targets.jdkClass().ifPresent(names::add);
      }
    }
    TypePool pool = scan.pool = new TypePool.Default.WithLazyResolution(
        new BoundedCache(), classPath.locator(), TypePool.Default.ReaderMode.FAST);
    for (String name : names) {
      TypeDescription type;
      try {
        TypePool.Resolution resolution = pool.describe(name);
        if (!resolution.isResolved()) {
          scan.unreadable++;
          continue;
        }
        type = resolution.resolve();
        if (PointcutTargets.neverWoven(type)) {
          continue;
        }
      } catch (RuntimeException e) {
        scan.unreadable++; // a class file the pool cannot parse: the JVM would refuse it too
        continue;
      }
      scan.classes++;
      for (PointcutMatches m : scan.matches) {
        m.consider(type);
      }
    }
    return scan;
  }

  /**
   * The pool's cache, emptied when it holds {@link #MAX_TYPES} descriptions: a class path of tens of
   * thousands of classes is looked at in bounded memory. Class-path order keeps a package's classes
   * together, so the supertypes they share are mostly still cached.
   */
  private static final class BoundedCache extends TypePool.CacheProvider.Simple {
    private static final int MAX_TYPES = 4096;

    @Override
    public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      if (getStorage().size() >= MAX_TYPES) {
        clear();
      }
      return super.register(name, resolution);
    }
  }

  /** Per pointcut not refused outright, in the order given. */
  List<PointcutMatches> matches() {
    return matches;
  }

  /** Class {@code name} of the class path, described; empty when there is none. */
  Optional<TypeDescription> find(String name) {
    if (!names.contains(name)) {
      return Optional.empty();
    }
    try {
      TypePool.Resolution resolution = pool.describe(name);
      return resolution.isResolved() ? Optional.of(resolution.resolve()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The names of the classes on the class path (and of the JDK classes pointcuts name). */
  Set<String> classNames() {
    return names;
  }

  /** The classes looked at. */
  int classes() {
    return classes;
  }

  /** Class files that could not be read. */
  int unreadable() {
    return unreadable;
  }
}
