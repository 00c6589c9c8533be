package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.PointcutPlan;
import dev.perfagent.config.Extractor;
import org.objectweb.asm.Type;

/**
 * The advice one pointcut gives one method it weaves ({@link MethodAdvice}): decided from the
 * pointcut's mode and how its spans end, with the method's call site registered.
 */
final class AdviceBinding {
  private AdviceBinding() {}

  /** The advice of {@code pointcut} for {@code method} of {@code type}; null when it gets none. */
  static MethodAdvice of(
      CompiledPointcut pointcut, SiteRegistry sites, ClassFacts type, MethodFacts method, TypeFacts types) {
    boolean poolMetrics = pointcut.config().extractor().orElse(null) == Extractor.JDBC_POOL_METRICS;
    if (poolMetrics && !firstParameterIsInterface(method, types)) {
      return null; // the factory it is given is replaced: only a method whose first parameter is an interface
    }
    int end = SpanEnds.end(pointcut, method, types);
    int site = sites.register(pointcut, type.name(), method.name, method.descriptor, end);
    int[] arguments = {pointcut.argumentInSlot(0), pointcut.argumentInSlot(1), pointcut.argumentInSlot(2)};
    if (pointcut.aggregate()) {
      return advice(MethodAdvice.Enter.TIMER, MethodAdvice.Exit.AGGREGATE, site, arguments, false, -1);
    }
    if (poolMetrics) {
      return advice(MethodAdvice.Enter.POOL_METRICS, MethodAdvice.Exit.NONE, site, arguments, false, -1);
    }
    if (pointcut.notes()) {
      return advice(MethodAdvice.Enter.NONE, MethodAdvice.Exit.NOTE, site, arguments, false, -1);
    }
    if (end == PointcutPlan.END_ON_CALLBACK) {
      return advice(MethodAdvice.Enter.CALLBACK, MethodAdvice.Exit.CALLBACK, site, arguments, false,
          CallbackParameter.of(method, types));
    }
    MethodAdvice.Enter enter = pointcut.flowsDown() ? MethodAdvice.Enter.FLOWING : MethodAdvice.Enter.SPAN;
    if (end == PointcutPlan.END_ON_CLOSE) {
      return advice(enter, MethodAdvice.Exit.FOLLOWING, site, arguments, true, -1);
    }
    // a span that ends on completion needs the returned stage even when no path reads it
    boolean passesReturn = pointcut.readsReturn() || end == PointcutPlan.END_ON_COMPLETION;
    return advice(enter, MethodAdvice.Exit.SPAN, site, arguments, passesReturn, -1);
  }

  private static boolean firstParameterIsInterface(MethodFacts method, TypeFacts types) {
    Type[] parameters = method.parameters();
    ClassFacts first = parameters.length > 0 && parameters[0].getSort() == Type.OBJECT
        ? types.find(parameters[0].getInternalName()) : null;
    return first != null && first.isInterface();
  }

  private static MethodAdvice advice(
      MethodAdvice.Enter enter, MethodAdvice.Exit exit, int site, int[] arguments, boolean passesReturn,
      int callback) {
    return new MethodAdvice(enter, exit, site, arguments, passesReturn, callback);
  }
}
