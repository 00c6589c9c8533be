package dev.perfagent.agent.weave;

import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.SiteRegistry;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;

/**
 * Binds {@link SiteId}: registers the woven method as a call site of the pointcut while it is
 * being woven and puts the site's id into the code as a constant.
 */
final class SiteIdMapping implements Advice.OffsetMapping {
  private final CompiledPointcut pointcut;
  private final SiteRegistry sites;

  SiteIdMapping(CompiledPointcut pointcut, SiteRegistry sites) {
    this.pointcut = pointcut;
    this.sites = sites;
  }

  @Override
  public Target resolve(
      TypeDescription instrumentedType,
      MethodDescription instrumentedMethod,
      Assigner assigner,
      Advice.ArgumentHandler argumentHandler,
      Sort sort) {
    int id =
        sites.register(
            pointcut, instrumentedType.getName(), instrumentedMethod.getName(),
            instrumentedMethod.getDescriptor(), SpanEnds.end(pointcut, instrumentedMethod));
    return new Target.ForStackManipulation(IntegerConstant.forValue(id));
  }
}
