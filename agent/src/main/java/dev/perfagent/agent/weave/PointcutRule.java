package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.SiteRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One pointcut's weaving rule: the classes and methods it weaves, and the advice each method gets. */
final class PointcutRule {
  private final CompiledPointcut pointcut;
  private final PointcutTargets targets;
  private final WeaveFailures failures;
  /** Null for a pointcut that names its class exactly. */
  private final ClassLimit limit;

  /** @param limit the {@link ClassLimit} of a pointcut that does not name its class exactly, else null */
  PointcutRule(CompiledPointcut pointcut, WeaveFailures failures, ClassLimit limit) {
    this.pointcut = pointcut;
    this.targets = new PointcutTargets(pointcut.config());
    this.failures = failures;
    this.limit = limit;
  }

  /**
   * Adds to {@code woven} (by method name and descriptor) the advice this pointcut gives the methods
   * of {@code type}, after reporting the paths that can never resolve on them.
   */
  void addAdvice(
      ClassFacts type, TypeFacts types, SiteRegistry sites, PathCheck paths, Map<String, List<MethodAdvice>> woven) {
    // what the match throws is the pointcut's failure for this class alone, then the class limit
    if (!failures.matches(pointcut, type.name(), () -> targets.matches(type, types))
        || limit != null && !limit.admits(type.name())) {
      return;
    }
    for (MethodFacts method : targets.methodsOf(type)) {
      try {
        paths.check(pointcut.config(), type, method, types);
      } catch (RuntimeException e) {
        // a type the check cannot describe: the advice is still applied
      }
      MethodAdvice advice = AdviceBinding.of(pointcut, sites, type, method, types);
      if (advice != null) {
        woven.computeIfAbsent(method.name + method.descriptor, m -> new ArrayList<>(1)).add(advice);
      }
    }
  }
}
