package dev.perfagent.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * What the agent's proxies standing in for an application's object (a followed stream, callback,
 * publisher or subscription) share: {@code Object}'s own methods answer for the stand-in, and every
 * other call goes to the real object, which throws what it throws.
 */
final class StandIns {
  private StandIns() {}

  /** {@code equals} and {@code hashCode} by the stand-in's identity, {@code toString} the target's. */
  static Object objectMethod(Object proxy, Method method, Object[] args, Object target) {
    switch (method.getName()) {
      case "equals": return proxy == args[0];
      case "hashCode": return System.identityHashCode(proxy);
      default: return target.toString();
    }
  }

  /** {@code method} called on {@code target}, throwing what it throws. */
  static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
