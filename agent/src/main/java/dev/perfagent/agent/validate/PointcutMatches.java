package dev.perfagent.agent.validate;

import dev.perfagent.agent.weave.ClassFacts;
import dev.perfagent.agent.weave.MethodFacts;
import dev.perfagent.agent.weave.PointcutTargets;
import dev.perfagent.agent.weave.TypeFacts;
import dev.perfagent.config.Pointcut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one pointcut would weave on a class path: the classes and their methods, the paths that can
 * never have a value on them, and the classes it could not be decided for.
 */
final class PointcutMatches {
  final Pointcut pointcut;
  final PointcutTargets targets;
  /** Class name to the signatures of its woven methods, in class-path order. */
  private final Map<String, List<String>> methods = new LinkedHashMap<>();
  private final Set<String> pathProblems = new LinkedHashSet<>();
  /** Classes whose hierarchy or annotations could not be described, with the first cause. */
  private final Map<String, String> undecided = new LinkedHashMap<>();

  PointcutMatches(Pointcut pointcut) {
    this.pointcut = pointcut;
    this.targets = new PointcutTargets(pointcut);
  }

  /** Looks at one class, as the weaver would when it is loaded. */
  void consider(ClassFacts type, TypeFacts types) {
    try {
      if (!targets.matches(type, types)) {
        return;
      }
      List<String> signatures = new ArrayList<>();
      for (MethodFacts method : targets.methodsOf(type)) {
        signatures.add(method.signature());
        pathProblems.addAll(targets.pathProblems(type, method, types));
      }
      methods.put(type.name(), signatures);
    } catch (RuntimeException e) {
      // as the weaver's guard: the pointcut skips a class it cannot decide for
      undecided.putIfAbsent(type.name(), String.valueOf(e.getMessage()));
    }
  }

  Map<String, List<String>> methods() {
    return methods;
  }

  int methodCount() {
    return methods.values().stream().mapToInt(List::size).sum();
  }

  boolean matchesNothing() {
    return methods.isEmpty();
  }

  Set<String> pathProblems() {
    return pathProblems;
  }

  Map<String, String> undecided() {
    return undecided;
  }
}
