package dev.perfagent.agent.weave;

import dev.perfagent.config.Pointcut;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.Type;

/**
 * Which classes one pointcut weaves and, in each, which methods: what the {@link Weaver} asks of a
 * class being loaded, also for looking at a class path without loading it ({@code validate}).
 */
public final class PointcutTargets {
  private final Pointcut pointcut;
  /** The internal name of {@code subtype-of}, or null. */
  private final String supertype;
  /** Whether the pointcut names a JDK class it may weave: of the JDK, only that one is looked at. */
  private final boolean namesJdkClass;

  public PointcutTargets(Pointcut pointcut) {
    this.pointcut = pointcut;
    this.supertype = pointcut.subtypeOf().map(name -> name.replace('.', '/')).orElse(null);
    this.namesJdkClass = JdkClasses.named(pointcut).isPresent();
  }

  /**
   * Whether the pointcut weaves {@code type}: by its name, then whether it declares a method the
   * pointcut weaves (a class no pointcut matches is never rewritten), then its supertypes and
   * annotations, which may need other classes described. Throws {@link MissingType} when one of them
   * cannot be.
   */
  public boolean matches(ClassFacts type, TypeFacts types) {
    return matchesName(type.name()) && declaresWovenMethod(type) && matchesHierarchy(type, types);
  }

  /** The classes selected by name; of the JDK, only the one the pointcut names ({@link JdkClasses}). */
  private boolean matchesName(String binaryName) {
    if (!namesJdkClass && JdkClasses.isJdk(binaryName)) {
      return false;
    }
    return pointcut.classPattern().map(p -> p.matches(binaryName)).orElse(true);
  }

  private boolean matchesHierarchy(ClassFacts type, TypeFacts types) {
    if (supertype != null && !types.isAssignableTo(type, supertype)) {
      return false;
    }
    return pointcut.classAnnotation().map(type::isAnnotatedWith).orElse(true);
  }

  private boolean declaresWovenMethod(ClassFacts type) {
    for (MethodFacts method : type.methods) {
      if (weaves(method)) {
        return true;
      }
    }
    return false;
  }

  /** The methods of {@code type} the pointcut weaves. */
  public List<MethodFacts> methodsOf(ClassFacts type) {
    List<MethodFacts> woven = new ArrayList<>(1);
    for (MethodFacts method : type.methods) {
      if (weaves(method)) {
        woven.add(method);
      }
    }
    return woven;
  }

  /** Only methods with code of their own. */
  private boolean weaves(MethodFacts method) {
    return method.isWeavable() && pointcut.methodPattern().matches(method.name) && takesParameters(method)
        && pointcut.methodAnnotation().map(method::isAnnotatedWith).orElse(true);
  }

  private boolean takesParameters(MethodFacts method) {
    if (pointcut.parameters().isEmpty()) {
      return true;
    }
    List<String> wanted = pointcut.parameters().get();
    Type[] taken = method.parameters();
    if (taken.length != wanted.size()) {
      return false;
    }
    for (int i = 0; i < taken.length; i++) {
      if (!named(taken[i], wanted.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A parameter type by its source name ({@code int}, {@code byte[]}, {@code a.B$C}) or its {@code Class.getName()}. */
  private static boolean named(Type type, String name) {
    return type.getClassName().equals(name)
        || type.getSort() == Type.ARRAY && type.getDescriptor().replace('/', '.').equals(name);
  }

  /** Why {@code path}s of the pointcut can never have a value on {@code method} of {@code type}, as the weaver warns. */
  public List<String> pathProblems(ClassFacts type, MethodFacts method, TypeFacts types) {
    return PathCheck.problems(pointcut, type, method, types);
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
  public static boolean neverWoven(ClassFacts type) {
    String name = type.name();
    return type.isSynthetic() || name.startsWith("dev.perfagent.") || name.startsWith(CandidateClasses.BYTE_BUDDY)
        || OtherAgentNames.isAgentName(name);
  }
}
