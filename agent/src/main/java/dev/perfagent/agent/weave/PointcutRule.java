package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.SiteRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** One pointcut's weaving rule: the classes and methods it weaves, and the advice each method gets. */
final class PointcutRule {
  private final CompiledPointcut pointcut;
  private final ElementMatcher<MethodDescription> methods;
  /** Its failures contained ({@link WeaveFailures#guard}), then the class limit if there is one. */
  private final ElementMatcher<TypeDescription> types;

  /** @param limit the {@link ClassLimit} of a pointcut that does not name its class exactly, else null */
  PointcutRule(CompiledPointcut pointcut, WeaveFailures failures, ClassLimit limit) {
    PointcutTargets targets = new PointcutTargets(pointcut.config());
    this.pointcut = pointcut;
    this.methods = targets.methodMatcher();
    ElementMatcher.Junction<TypeDescription> guarded = failures.guard(pointcut, targets.typeMatcher());
    this.types = limit == null ? guarded : guarded.and(limit);
  }

  /**
   * Adds to {@code woven} (by method name and descriptor) the advice this pointcut gives the methods
   * of {@code type}, after reporting the paths that can never resolve on them.
   */
  void addAdvice(TypeDescription type, SiteRegistry sites, PathCheck paths, Map<String, List<MethodAdvice>> woven) {
    if (!types.matches(type)) {
      return;
    }
    for (MethodDescription method : type.getDeclaredMethods().filter(methods)) {
      try {
        paths.check(pointcut.config(), method);
      } catch (RuntimeException e) {
        // a type the check cannot describe: the advice is still applied
      }
      MethodAdvice advice = AdviceBinding.of(pointcut, sites, type, method);
      if (advice != null) {
        woven.computeIfAbsent(method.getInternalName() + method.getDescriptor(), m -> new ArrayList<>(1)).add(advice);
      }
    }
  }
}
