package dev.perfagent.agent.validate;

import dev.perfagent.agent.weave.ClassFacts;
import dev.perfagent.agent.weave.PointcutTargets;
import dev.perfagent.agent.weave.TypeFacts;
import dev.perfagent.config.Pointcut;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the weaver's matching over every class of a class path, described from its class file (as the
 * weaver describes a class being loaded): no class of the class path is loaded, so none is
 * initialized.
 */
final class ClassPathScan {
  private final List<PointcutMatches> matches = new ArrayList<>();
  private final Set<String> names = new LinkedHashSet<>();
  private TypeFacts types;
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
    TypeFacts types = scan.types = TypeFacts.of(classPath);
    for (String name : names) {
      ClassFacts type;
      try {
        type = types.find(name.replace('.', '/'));
        if (type == null) {
          scan.unreadable++;
          continue;
        }
        if (PointcutTargets.neverWoven(type)) {
          continue;
        }
      } catch (RuntimeException e) {
        scan.unreadable++; // a class file that cannot be parsed: the JVM would refuse it too
        continue;
      }
      scan.classes++;
      for (PointcutMatches m : scan.matches) {
        m.consider(type, types);
      }
    }
    return scan;
  }

  /** Per pointcut not refused outright, in the order given. */
  List<PointcutMatches> matches() {
    return matches;
  }

  /** Class {@code name} of the class path, described; empty when there is none. */
  Optional<ClassFacts> find(String name) {
    if (!names.contains(name)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(types.find(name.replace('.', '/')));
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
