package dev.perfagent.bootstrap;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Stands in for the metrics tracker factory a HikariCP pool is given (the application's, or none):
 * when the pool creates its tracker ({@code create(poolName, poolStats)}), the application's factory
 * creates its own as before, and the pool gets a {@link PoolTracker} that tells both the agent and
 * that tracker. No pool object is held strongly.
 */
final class PoolTrackerFactory extends ForwardingHandler {
  private final Object pool;

  private PoolTrackerFactory(Object pool, Object factory) {
    super(factory);
    this.pool = pool;
  }

  /**
   * A proxy of {@code factoryType} (HikariCP's {@code MetricsTrackerFactory}) for {@code pool},
   * wrapping the application's {@code factory} (null when it set none); {@code factory} itself when it
   * is one already.
   */
  static Object wrap(Object pool, Object factory, Class<?> factoryType) {
    if (factory != null && Proxy.isProxyClass(factory.getClass())
        && Proxy.getInvocationHandler(factory) instanceof PoolTrackerFactory) {
      return factory;
    }
    return Proxy.newProxyInstance(
        factoryType.getClassLoader(), new Class<?>[] {factoryType}, new PoolTrackerFactory(pool, factory));
  }

  @Override
  Object call(Method method, Object[] args) throws Throwable {
    Object tracker = forward(method, args);
    if (!method.getName().equals("create") || args == null || args.length != 2) {
      return tracker;
    }
    try {
      ConnectionPool entry = new ConnectionPool(String.valueOf(args[0]), pool, args[1]);
      Object ours = PoolTracker.wrap(method.getReturnType(), entry, args[1], tracker);
      ConnectionPools.add(pool, entry);
      return ours;
    } catch (Throwable t) {
      Recorder.state().stats().internalErrors.increment();
      return tracker;
    }
  }
}
