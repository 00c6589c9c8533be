package dev.perfagent.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

/**
 * Stands in for the Reactive Streams {@code Subscription} a followed subscriber receives in
 * {@code onSubscribe}: {@code cancel()} (the application took what it wanted, {@code take(n)}, a
 * client that went away) ends the span as a stream closed before its end.
 */
final class FollowedSubscription implements InvocationHandler {
  private final PendingSpan span;
  private final Object target;

  private FollowedSubscription(PendingSpan span, Object target) {
    this.span = span;
    this.target = target;
  }

  /** {@code subscription}, of parameter type {@code type}, followed when that is a public interface with {@code cancel()}. */
  static Object wrap(PendingSpan span, Class<?> type, Object subscription) {
    if (!type.isInterface() || !Modifier.isPublic(type.getModifiers()) || !cancels(type)) {
      return subscription;
    }
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new FollowedSubscription(span, subscription));
  }

  private static boolean cancels(Class<?> type) {
    try {
      return type.getMethod("cancel") != null;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (method.getDeclaringClass() == Object.class) {
      return StandIns.objectMethod(proxy, method, args, target);
    }
    if (name.equals("cancel") && method.getParameterCount() == 0) {
      span.end(System.nanoTime(), SpanRecord.END_CLOSED);
    }
    return StandIns.call(target, method, args);
  }
}
