package dev.perfagent.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.config.SpanEnd;
import java.util.concurrent.CompletionStage;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Decides per woven method when its span ends: {@code end: auto} and {@code end: completion} end
 * the span of a method declared to return a {@link CompletionStage} when that stage completes;
 * every other method's span ends at exit.
 */
final class SpanEnds {
  private static final ElementMatcher.Junction<MethodDescription> RETURNS_STAGE =
      returns(isSubTypeOf(CompletionStage.class));

  private SpanEnds() {}

  /** The methods of {@code pointcut} whose spans end when their returned stage completes. */
  static ElementMatcher.Junction<MethodDescription> onCompletion(CompiledPointcut pointcut) {
    SpanEnd end = pointcut.config().end();
    if (pointcut.aggregate() || (end != SpanEnd.AUTO && end != SpanEnd.COMPLETION)) {
      return net.bytebuddy.matcher.ElementMatchers.none();
    }
    return RETURNS_STAGE;
  }

  static boolean endsOnCompletion(CompiledPointcut pointcut, MethodDescription method) {
    return onCompletion(pointcut).matches(method);
  }
}
