package dev.perfagent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

/**
 * Follows a Reactor {@code Flux} a call returned (Spring AI's {@code ChatModel.stream}). A {@code Flux}
 * is a class, so no proxy of it can be returned: the caller gets {@code Flux.from(publisher)} over a
 * stand-in {@code Publisher} of the original. Nothing happens before the flux is subscribed to, so the
 * span (re)starts at its first subscription, and only then waits among the pending spans: a flux that
 * is never subscribed to sends no request and leaves no span (no time, no tokens, no cost); while that subscription is made, calls on the
 * subscribing thread are children of the span, and calls of its nesting group make no span (the
 * request the subscription sends with an SDK is the span's). The subscriber is followed
 * ({@link FollowedHandler}): items are counted and read as chunks, completion, error or cancellation
 * ends the span. Later subscriptions pass through unfollowed.
 */
final class FollowedPublisher implements InvocationHandler {
  private static final String FLUX = "reactor.core.publisher.Flux";
  private static final String CORE_SUBSCRIBER = "reactor.core.CoreSubscriber";
  private static final VarHandle SUBSCRIBED;
  /** Flux's {@code static Flux from(Publisher)}, null when the class has none. */
  private static final ClassValue<Method> FROM =
      new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
          for (Method m : type.getMethods()) {
            Class<?>[] parameters = m.getParameterTypes();
            if (m.getName().equals("from") && Modifier.isStatic(m.getModifiers()) && parameters.length == 1
                && parameters[0].isInterface() && type.isAssignableFrom(m.getReturnType())) {
              return m;
            }
          }
          return null;
        }
      };

  static {
    try {
      SUBSCRIBED = MethodHandles.lookup().findVarHandle(FollowedPublisher.class, "subscribed", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final PendingSpan span;
  private final Object target;
  @SuppressWarnings("unused") // accessed through SUBSCRIBED
  private volatile boolean subscribed;

  private FollowedPublisher(PendingSpan span, Object target) {
    this.span = span;
    this.target = target;
  }

  /** True for Reactor's {@code Flux}. */
  static boolean canFollow(Class<?> declared) {
    return declared.getName().equals(FLUX) && FROM.get(declared) != null;
  }

  /** {@code flux} as a flux that {@code span} follows; {@code declared} passes {@link #canFollow}. */
  static Object follow(PendingSpan span, Object flux, Class<?> declared) throws ReflectiveOperationException {
    Method from = FROM.get(declared);
    Class<?> publisher = from.getParameterTypes()[0];
    Object standIn = Proxy.newProxyInstance(
        publisher.getClassLoader(), new Class<?>[] {publisher}, new FollowedPublisher(span, flux));
    return from.invoke(null, standIn);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return StandIns.objectMethod(proxy, method, args, target);
    }
    Object subscriber = args == null || args.length != 1 ? null : args[0];
    if (subscriber == null || !method.getName().equals("subscribe") || !SUBSCRIBED.compareAndSet(this, false, true)) {
      return call(method, args);
    }
    span.subscribed(System.nanoTime());
    Object followed;
    try {
      followed = followed(subscriber, method.getParameterTypes()[0]);
    } catch (Throwable t) {
      span.state.stats().internalErrors.increment();
      span.end(System.nanoTime(), SpanRecord.END_RETURNED);
      return call(method, args);
    }
    ThreadState thread = ThreadState.current();
    thread.enterSubscription(span);
    try {
      return call(method, new Object[] {followed});
    } catch (Throwable t) {
      span.failed(t);
      throw t;
    } finally {
      thread.leaveSubscription(span);
    }
  }

  /** The stand-in for {@code subscriber}: a Reactor {@code CoreSubscriber} stays one, so its context reaches upstream. */
  private Object followed(Object subscriber, Class<?> declared) {
    Class<?> type = declared;
    try {
      Class<?> core = Class.forName(CORE_SUBSCRIBER, false, target.getClass().getClassLoader());
      if (core.isInstance(subscriber)) {
        type = core;
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not Reactor's: the Reactive Streams interface alone
    }
    return FollowedHandler.wrap(span, type, subscriber);
  }

  private Object call(Method method, Object[] args) throws Throwable {
    return StandIns.call(target, method, args);
  }
}
