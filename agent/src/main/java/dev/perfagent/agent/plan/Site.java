package dev.perfagent.agent.plan;

/** One woven method of one pointcut. */
public final class Site {
  private final int id;
  private final CompiledPointcut pointcut;
  private final String className;
  private final String methodName;

  Site(int id, CompiledPointcut pointcut, String className, String methodName) {
    this.id = id;
    this.pointcut = pointcut;
    this.className = className;
    this.methodName = methodName;
  }

  public int id() {
    return id;
  }

  public CompiledPointcut pointcut() {
    return pointcut;
  }

  public String className() {
    return className;
  }

  /** The class name without its package (nested classes keep their {@code Outer$Inner} form). */
  public String simpleClassName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  public String methodName() {
    return methodName;
  }
}
