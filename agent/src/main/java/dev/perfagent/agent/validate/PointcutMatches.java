package dev.perfagent.agent.validate;

import dev.perfagent.agent.weave.PointcutTargets;
import dev.perfagent.config.Pointcut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

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
  void consider(TypeDescription type) {
    try {
      if (!targets.matches(type)) {
        return;
      }
      List<String> signatures = new ArrayList<>();
      for (MethodDescription method : targets.methodsOf(type)) {
        signatures.add(signature(method));
        pathProblems.addAll(targets.pathProblems(method));
      }
      methods.put(type.getName(), signatures);
    } catch (RuntimeException e) {
      // as the weaver's guard: the pointcut skips a class it cannot decide for
      undecided.putIfAbsent(type.getName(), String.valueOf(e.getMessage()));
    }
  }

  /** {@code handle(com.acme.Conversation)}; arrays as {@code byte[]}. */
  static String signature(MethodDescription method) {
    return method.getName() + "(" + method.getParameters().asTypeList().asErasures().stream()
        .map(TypeDescription::getActualName).collect(Collectors.joining(", ")) + ")";
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
