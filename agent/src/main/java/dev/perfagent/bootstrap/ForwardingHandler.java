package dev.perfagent.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The handler of a proxy that stands in for an application's object (or for none): it hands every
 * call on to that object, so that what the object does and throws reaches the caller as it would
 * without the agent. {@code Object}'s methods are the proxy's own (identity).
 */
abstract class ForwardingHandler implements InvocationHandler {
  /** The application's object, or null. */
  private final Object target;

  ForwardingHandler(Object target) {
    this.target = target;
  }

  /** A call of the proxied interface. */
  abstract Object call(Method method, Object[] args) throws Throwable;

  @Override
  public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() != Object.class) {
      return call(method, args);
    }
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return "perf-agent " + getClass().getSimpleName() + (target == null ? "" : " of " + target);
    }
  }

  /** The application's object's answer to the call, or, with none, the zero of its return type. */
  final Object forward(Method method, Object[] args) throws Throwable {
    if (target == null) {
      return zero(method.getReturnType());
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object zero(Class<?> type) {
    if (!type.isPrimitive() || type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return Boolean.FALSE;
    }
    if (type == char.class) {
      return (char) 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == double.class) {
      return 0d;
    }
    return type == int.class ? (Object) 0 : type == short.class ? (Object) (short) 0 : (Object) (byte) 0;
  }
}
