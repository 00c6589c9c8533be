package dev.perfagent.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.config.Extractor;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.ClassConstant;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The advice for one pointcut: which advice templates per woven method, and what their
 * {@link SiteId}, {@link ArgA}, {@link ArgB}, {@link ArgC}, {@link DeclaredReturnType},
 * {@link CallbackArgument}, {@link CallbackType} and {@link FirstParameterType} parameters
 * are bound to in each.
 */
final class AdviceBinding {
  private static final TypeDescription.Generic OBJECT =
      TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class);
  private static final TypeDescription.Generic CLASS =
      TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Class.class);

  private AdviceBinding() {}

  static AgentBuilder.Transformer transformer(
      CompiledPointcut pointcut, SiteRegistry sites, ElementMatcher.Junction<MethodDescription> methods) {
    Advice.WithCustomMapping mapping =
        Advice.withCustomMapping()
            .bind(SiteId.class, new SiteIdMapping(pointcut, sites))
            .bind(ArgA.class, argument(pointcut.argumentInSlot(0)))
            .bind(ArgB.class, argument(pointcut.argumentInSlot(1)))
            .bind(ArgC.class, argument(pointcut.argumentInSlot(2)))
            .bind(DeclaredReturnType.class, AdviceBinding::declaredReturnType)
            .bind(CallbackArgument.class, CallbackParameter::argument)
            .bind(CallbackType.class, CallbackParameter::type)
            .bind(FirstParameterType.class, AdviceBinding::firstParameterType);
    PreparedAdvice transformer = new PreparedAdvice(mapping);
    if (pointcut.aggregate()) {
      return transformer.advice(methods, AggregateAdvice.class.getName());
    }
    if (pointcut.config().extractor().orElse(null) == Extractor.JDBC_POOL_METRICS) {
      // the factory it is given is replaced: only methods whose first parameter is an interface
      return transformer.advice(methods.and(takesArgument(0, isInterface())), PoolMetricsAdvice.class.getName());
    }
    if (pointcut.notes()) {
      return transformer.advice(methods, NoteAdvice.class.getName());
    }
    String enter = (pointcut.flowsDown() ? SpanFlowEnterAdvice.class : SpanEnterAdvice.class).getName();
    ElementMatcher.Junction<MethodDescription> onClose = SpanEnds.onClose(pointcut);
    ElementMatcher.Junction<MethodDescription> onCallback = SpanEnds.onCallback(pointcut);
    ElementMatcher.Junction<MethodDescription> atExit = not(onClose).and(not(onCallback)).and(methods);
    // a span that ends on completion needs the returned stage even when no path reads it
    ElementMatcher.Junction<MethodDescription> withReturn =
        pointcut.readsReturn() ? atExit : SpanEnds.onCompletion(pointcut).and(atExit);
    return transformer
        .advice(atExit.and(not(withReturn)), enter, SpanExitAdvice.class.getName())
        .advice(withReturn, enter, SpanReturnExitAdvice.class.getName())
        .advice(onClose.and(methods), enter, SpanFollowExitAdvice.class.getName())
        .advice(onCallback.and(methods), SpanCallbackEnterAdvice.class.getName(),
            SpanCallbackExitAdvice.class.getName());
  }

  /** The argument at {@code index} (boxed if primitive), or null when the slot is unused. */
  private static Advice.OffsetMapping argument(int index) {
    if (index < 0) {
      return new Advice.OffsetMapping.ForStackManipulation(
          NullConstant.INSTANCE, OBJECT, OBJECT,
          Assigner.Typing.STATIC);
    }
    return new Advice.OffsetMapping.ForArgument.Unresolved(
        OBJECT, true, Assigner.Typing.DYNAMIC, index, true);
  }

  private static Advice.OffsetMapping.Target firstParameterType(
      TypeDescription type, MethodDescription method, Assigner assigner,
      Advice.ArgumentHandler handler, Advice.OffsetMapping.Sort sort) {
    return new Advice.OffsetMapping.Target.ForStackManipulation(
        ClassConstant.of(method.getParameters().get(0).getType().asErasure()));
  }

  private static Advice.OffsetMapping.Target declaredReturnType(
      TypeDescription type, MethodDescription method, Assigner assigner,
      Advice.ArgumentHandler handler, Advice.OffsetMapping.Sort sort) {
    return new Advice.OffsetMapping.Target.ForStackManipulation(
        ClassConstant.of(method.getReturnType().asErasure()));
  }
}
