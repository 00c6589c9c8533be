package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.SiteRegistry;
import static net.bytebuddy.matcher.ElementMatchers.not;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The advice for one pointcut: which advice templates, and what their {@link SiteId}, {@link ArgA},
 * {@link ArgB} and {@link ArgC} parameters are bound to in each woven method.
 */
final class AdviceBinding {
  private static final TypeDescription.Generic OBJECT =
      TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class);

  private AdviceBinding() {}

  static AgentBuilder.Transformer transformer(
      CompiledPointcut pointcut, SiteRegistry sites, ElementMatcher.Junction<MethodDescription> methods) {
    Advice.WithCustomMapping mapping =
        Advice.withCustomMapping()
            .bind(SiteId.class, new SiteIdMapping(pointcut, sites))
            .bind(ArgA.class, argument(pointcut.argumentInSlot(0)))
            .bind(ArgB.class, argument(pointcut.argumentInSlot(1)))
            .bind(ArgC.class, argument(pointcut.argumentInSlot(2)));
    AgentBuilder.Transformer.ForAdvice transformer =
        new AgentBuilder.Transformer.ForAdvice(mapping).include(AdviceBinding.class.getClassLoader());
    if (pointcut.aggregate()) {
      return transformer.advice(methods, AggregateAdvice.class.getName());
    }
    String enter = SpanEnterAdvice.class.getName();
    String withReturn = SpanReturnExitAdvice.class.getName();
    if (pointcut.readsReturn()) {
      return transformer.advice(methods, enter, withReturn);
    }
    // a span that ends on completion needs the returned stage even when no path reads it
    ElementMatcher.Junction<MethodDescription> onCompletion = SpanEnds.onCompletion(pointcut);
    return transformer
        .advice(not(onCompletion).and(methods), enter, SpanExitAdvice.class.getName())
        .advice(onCompletion.and(methods), enter, withReturn);
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
}
