package dev.perfagent.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * Stands in for a callback that the application hands to a followed object to receive its items
 * asynchronously (an SDK's {@code AsyncStreamResponse.subscribe(handler)}, a reactive
 * {@code Subscriber}): {@code onNext(item)} counts the item and reads its {@code chunk} values before
 * the application sees it; {@code onComplete}/{@code onError} end the span, with the error if one is
 * given (a {@code Throwable} or an {@code Optional} holding one).
 */
final class FollowedHandler implements InvocationHandler {
  private static final ClassValue<Boolean> RECEIVES_ITEMS =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          if (!type.isInterface() || !Modifier.isPublic(type.getModifiers())) {
            return false;
          }
          for (Method m : type.getMethods()) {
            if (m.getName().equals("onNext") && m.getParameterCount() == 1) {
              return true;
            }
          }
          return false;
        }
      };

  private final PendingSpan span;
  private final Object target;

  private FollowedHandler(PendingSpan span, Object target) {
    this.span = span;
    this.target = target;
  }

  /** True when a parameter of type {@code type} receives items: a public interface with {@code onNext(x)}. */
  static boolean receivesItems(Class<?> type) {
    return RECEIVES_ITEMS.get(type);
  }

  static Object wrap(PendingSpan span, Class<?> type, Object handler) {
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new FollowedHandler(span, handler));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (method.getDeclaringClass() == Object.class) {
      switch (name) {
        case "equals": return proxy == args[0];
        case "hashCode": return System.identityHashCode(proxy);
        default: return target.toString();
      }
    }
    int arity = method.getParameterCount();
    if (name.equals("onNext") && arity == 1) {
      span.item(args[0]);
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      if (name.equals("onComplete") || name.equals("onError") || name.equals("onCompleted")) {
        Throwable error = arity == 1 ? error(args[0]) : null;
        if (error != null) {
          span.failed(error);
        } else {
          span.end(System.nanoTime(), SpanRecord.END_EXHAUSTED);
        }
      }
    }
  }

  private static Throwable error(Object argument) {
    if (argument instanceof Throwable) {
      return (Throwable) argument;
    }
    if (argument instanceof Optional && ((Optional<?>) argument).orElse(null) instanceof Throwable) {
      return (Throwable) ((Optional<?>) argument).get();
    }
    return null;
  }
}
