package dev.perfagent.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * Stands in for a callback that receives items or the end of asynchronous work ({@link CallbackMethods}):
 * a handler the application hands to a followed object ({@code AsyncStreamResponse.subscribe(handler)},
 * a reactive {@code Subscriber}), or the callback argument of a call whose span ends with it
 * ({@code end: callback}: LangChain4j's {@code StreamingChatModel.doChat(request, handler)}). An item
 * is counted and its {@code chunk} values are read before the application sees it; the end ends the
 * span, with the error if one is given (a {@code Throwable} or an {@code Optional} holding one), and so
 * does cancelling the subscription a reactive {@code Subscriber} receives. For a
 * callback argument, the value its completion receives is the span's result ({@code return} paths).
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
  private final boolean completionIsResult;

  private FollowedHandler(PendingSpan span, Object target, boolean completionIsResult) {
    this.span = span;
    this.target = target;
    this.completionIsResult = completionIsResult;
  }

  /** True when a parameter of type {@code type} receives items: a public interface with {@code onNext(x)}. */
  static boolean receivesItems(Class<?> type) {
    return RECEIVES_ITEMS.get(type);
  }

  /** A handler given to a followed object: its completion ends the span without a result. */
  static Object wrap(PendingSpan span, Class<?> type, Object handler) {
    return proxy(type, new FollowedHandler(span, handler, false));
  }

  /** The callback argument of a call whose span ends with the callback's completion, its result. */
  static Object wrapCallback(PendingSpan span, Class<?> type, Object callback) {
    return proxy(type, new FollowedHandler(span, callback, true));
  }

  private static Object proxy(Class<?> type, FollowedHandler handler) {
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (method.getDeclaringClass() == Object.class) {
      return StandIns.objectMethod(proxy, method, args, target);
    }
    int arity = method.getParameterCount();
    if (arity >= 1 && CallbackMethods.isItem(name)) {
      span.item(args[0]);
    } else if (CallbackMethods.isEnd(name)) {
      // before the application's handler runs: the work ended now, and a handler may start more work
      // (LangChain4j's AI services run tools and ask the model again from onCompleteResponse)
      ended(arity == 1 ? args[0] : null);
    } else if (arity == 1 && args[0] != null && name.equals("onSubscribe")) {
      args[0] = FollowedSubscription.wrap(span, method.getParameterTypes()[0], args[0]); // a reactive Subscriber
    }
    return StandIns.call(target, method, args);
  }

  private void ended(Object argument) {
    Throwable error = error(argument);
    if (completionIsResult) {
      span.accept(error == null ? argument : null, error);
    } else if (error != null) {
      span.failed(error);
    } else {
      span.end(System.nanoTime(), SpanRecord.END_EXHAUSTED);
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
