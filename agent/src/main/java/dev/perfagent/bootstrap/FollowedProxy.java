package dev.perfagent.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Stands in for a returned object of some public interface (an SDK's streaming response, an
 * {@code Iterable}, an {@code AutoCloseable}): every call goes to the real object; {@code close()}
 * ends the span, the streams and iterators its methods return are followed too, and so are the
 * callbacks handed to it to receive items ({@link FollowedHandler}). A raw HTTP response's
 * {@code parse()} ({@link Following#parses}) gives the call's result: a streaming response, followed
 * in turn, or a value, which {@code return} paths read and which ends the span.
 */
final class FollowedProxy implements InvocationHandler {
  private final PendingSpan span;
  private final Object target;

  FollowedProxy(PendingSpan span, Object target) {
    this.span = span;
    this.target = target;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    int arity = method.getParameterCount();
    if (method.getDeclaringClass() == Object.class) {
      return StandIns.objectMethod(proxy, method, args, target);
    }
    if (name.equals("forEach") && arity == 1 && Iterable.class.isAssignableFrom(method.getDeclaringClass())) {
      forEach((Iterable<?>) target, args[0]);
      return null;
    }
    Class<?>[] parameters = method.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      if (args[i] != null && FollowedHandler.receivesItems(parameters[i])) {
        args[i] = FollowedHandler.wrap(span, parameters[i], args[i]);
      }
    }
    boolean parse = name.equals("parse") && arity == 0;
    Object result;
    try {
      result = StandIns.call(target, method, args);
    } catch (Throwable t) {
      if (parse) {
        span.failed(t);
      }
      throw t;
    } finally {
      if (name.equals("close") && arity == 0) {
        span.end(System.nanoTime(), SpanRecord.END_CLOSED);
      }
    }
    if (parse && result != null) {
      return Following.result(span, result);
    }
    Class<?> type = method.getReturnType();
    if (type == Stream.class && result != null) {
      return Following.stream(span, (Stream<?>) result);
    }
    if (type == Iterator.class && result != null) {
      return new FollowedIterator<>(span, (Iterator<?>) result, true);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private void forEach(Iterable<?> items, Object action) {
    Iterator<?> it = new FollowedIterator<>(span, items.iterator(), true);
    while (it.hasNext()) {
      ((Consumer<Object>) action).accept(it.next());
    }
  }
}
