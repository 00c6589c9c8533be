package dev.perfagent.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.bootstrap.PointcutPlan;
import dev.perfagent.config.SpanEnd;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Decides per woven method when its span ends. {@code end: auto} and {@code end: completion} end the
 * span of a method declared to return a {@link CompletionStage} when that stage completes;
 * {@code end: close} follows a method declared to return a {@link Stream}, an {@link Iterator} or
 * any other public interface (an SDK's streaming response, an {@code Iterable}, an
 * {@code AutoCloseable}) until it is closed or consumed, a {@link CompletableFuture} through the value
 * it completes with (an SDK's async raw response, until parsed), and a Reactor {@code Flux} from its
 * subscription until it completes, fails or is cancelled; {@code end: callback} follows the callback a
 * method takes ({@link CallbackParameter}) until it is told the work ended. Every other span ends at exit.
 */
final class SpanEnds {
  private static final ElementMatcher.Junction<MethodDescription> RETURNS_STAGE =
      returns(isSubTypeOf(CompletionStage.class));
  private static final ElementMatcher.Junction<MethodDescription> RETURNS_FOLLOWABLE =
      returns(named(Stream.class.getName()).or(named(Iterator.class.getName()))
          .or(named(CompletableFuture.class.getName())).or(isInterface().and(isPublic())).or(named(String.join(".", "reactor", "core", "publisher", "Flux"))));

  private SpanEnds() {}

  /** The methods of {@code pointcut} whose spans end when their returned stage completes. */
  static ElementMatcher.Junction<MethodDescription> onCompletion(CompiledPointcut pointcut) {
    SpanEnd end = pointcut.config().end();
    return !pointcut.aggregate() && (end == SpanEnd.AUTO || end == SpanEnd.COMPLETION) ? RETURNS_STAGE : none();
  }

  /** The methods of {@code pointcut} whose spans follow the stream of items they return. */
  static ElementMatcher.Junction<MethodDescription> onClose(CompiledPointcut pointcut) {
    return !pointcut.aggregate() && pointcut.config().end() == SpanEnd.CLOSE ? RETURNS_FOLLOWABLE : none();
  }

  /** The methods of {@code pointcut} whose spans end when the callback they take ends. */
  static ElementMatcher.Junction<MethodDescription> onCallback(CompiledPointcut pointcut) {
    return !pointcut.aggregate() && pointcut.config().end() == SpanEnd.CALLBACK ? CallbackParameter.present() : none();
  }

  /** One of {@code PointcutPlan.END_*} for {@code method} of {@code pointcut}. */
  static int end(CompiledPointcut pointcut, MethodDescription method) {
    if (onCompletion(pointcut).matches(method)) {
      return PointcutPlan.END_ON_COMPLETION;
    }
    if (onCallback(pointcut).matches(method)) {
      return PointcutPlan.END_ON_CALLBACK;
    }
    return onClose(pointcut).matches(method) ? PointcutPlan.END_ON_CLOSE : PointcutPlan.END_AT_EXIT;
  }
}
