package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.bootstrap.PointcutPlan;
import dev.perfagent.config.SpanEnd;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.objectweb.asm.Type;

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
  private static final String STAGE = Type.getInternalName(CompletionStage.class);
  /** The classes {@code end: close} follows besides public interfaces. */
  private static final Set<String> FOLLOWABLE = Set.of(
      Type.getInternalName(Stream.class), Type.getInternalName(Iterator.class),
      Type.getInternalName(CompletableFuture.class), String.join("/", "reactor", "core", "publisher", "Flux"));

  private SpanEnds() {}

  /**
   * One of {@code PointcutPlan.END_*} for {@code method} of {@code pointcut}. A returned type that
   * cannot be described (its class is missing from the class path) is neither a stage nor followable:
   * the span ends at exit.
   */
  static int end(CompiledPointcut pointcut, MethodFacts method, TypeFacts types) {
    if (pointcut.aggregate()) {
      return PointcutPlan.END_AT_EXIT;
    }
    SpanEnd end = pointcut.config().end();
    Type returned = method.returned();
    boolean returnsClass = returned.getSort() == Type.OBJECT;
    // no class of java.lang is a stage: the common String and boxed returns need no class file read
    if ((end == SpanEnd.AUTO || end == SpanEnd.COMPLETION) && returnsClass
        && !returned.getInternalName().startsWith("java/lang/") && isStage(returned.getInternalName(), types)) {
      return PointcutPlan.END_ON_COMPLETION;
    }
    if (end == SpanEnd.CALLBACK && CallbackParameter.of(method, types) >= 0) {
      return PointcutPlan.END_ON_CALLBACK;
    }
    if (end == SpanEnd.CLOSE && returnsClass && followable(returned.getInternalName(), types)) {
      return PointcutPlan.END_ON_CLOSE;
    }
    return PointcutPlan.END_AT_EXIT;
  }

  private static boolean isStage(String internalName, TypeFacts types) {
    ClassFacts type = types.find(internalName);
    return type != null && types.isAssignableTo(type, STAGE);
  }

  private static boolean followable(String internalName, TypeFacts types) {
    if (FOLLOWABLE.contains(internalName)) {
      return true;
    }
    ClassFacts type = types.find(internalName);
    return type != null && type.isInterface() && type.isPublic();
  }
}
