package dev.perfagent.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;

import dev.perfagent.config.Pointcut;
import java.util.List;
import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which classes one pointcut weaves and, in each, which methods: the matchers the {@link Weaver}
 * installs, also for looking at a class path without loading it ({@code validate}).
 */
public final class PointcutTargets {
  private final Pointcut pointcut;
  private final ElementMatcher.Junction<MethodDescription> methods;
  private final ElementMatcher.Junction<TypeDescription> types;

  public PointcutTargets(Pointcut pointcut) {
    this.pointcut = pointcut;
    this.methods = PointcutMatchers.methods(pointcut);
    // a class is woven only if it declares a matching method, so a class no pointcut matches is
    // never rewritten; that is asked before the supertypes, whose class files would have to be read
    this.types =
        PointcutMatchers.typesByName(pointcut)
            .and(declaresMethod(methods))
            .and(PointcutMatchers.typesByHierarchy(pointcut));
  }

  ElementMatcher.Junction<MethodDescription> methodMatcher() {
    return methods;
  }

  ElementMatcher.Junction<TypeDescription> typeMatcher() {
    return types;
  }

  /**
   * Whether the pointcut weaves {@code type}; throws when a type it needs (a supertype, an
   * annotation) cannot be described, as the weaver's guarded matcher does.
   */
  public boolean matches(TypeDescription type) {
    return types.matches(type);
  }

  /** The methods of {@code type} the pointcut weaves. */
  public List<MethodDescription.InDefinedShape> methodsOf(TypeDescription type) {
    return type.getDeclaredMethods().filter(methods);
  }

  /** Why {@code path}s of the pointcut can never have a value on {@code method}, as the weaver warns. */
  public List<String> pathProblems(MethodDescription method) {
    return PathCheck.problems(pointcut, method);
  }

  /** Why the pointcut is not woven at all (it names a JDK class the agent runs on), if it is not. */
  public Optional<String> refusal() {
    return JdkClasses.refusal(pointcut);
  }

  /** The JDK class the pointcut names exactly and may weave, if any. */
  public Optional<String> jdkClass() {
    return JdkClasses.named(pointcut);
  }

  /** The class the pointcut names exactly ({@code class:} without wildcards), if it does. */
  public Optional<String> exactClass() {
    return CandidateClasses.exactClassName(pointcut);
  }

  /**
   * Whether {@code limits.classes-per-pointcut} applies ({@link ClassLimit}): to every pointcut but
   * one that names its class exactly.
   */
  public boolean limited() {
    return exactClass().isEmpty();
  }

  /**
   * A class the weaver never looks at, whatever the pointcuts: the agent's own, the application's
   * Byte Buddy, synthetic classes, another agent's.
   */
  public static boolean neverWoven(TypeDescription type) {
    return Weaver.ownOrSynthetic().matches(type) || OtherAgentNames.isAgentName(type.getName());
  }
}
