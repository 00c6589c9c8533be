package dev.perfagent.bootstrap;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Stands in for the metrics tracker of one HikariCP pool (the application's, or none): counts what
 * the pool tells it into the pool's {@link ConnectionPool}, then tells the application's tracker.
 * Runs on the threads that check connections out and return them: a timeout is one add, a time two
 * atomic adds into a histogram.
 */
final class PoolTracker extends ForwardingHandler {
  private final ConnectionPool pool;
  /**
   * The pool's {@code PoolStats}, held here (the pool holds its tracker) so that it lives as long as
   * the pool; the registry holds it only weakly.
   */
  @SuppressWarnings("unused")
  private final Object stats;

  private PoolTracker(ConnectionPool pool, Object stats, Object tracker) {
    super(tracker);
    this.pool = pool;
    this.stats = stats;
  }

  /** A proxy of {@code trackerType} (HikariCP's {@code IMetricsTracker}) wrapping the application's {@code tracker}. */
  static Object wrap(Class<?> trackerType, ConnectionPool pool, Object stats, Object tracker) {
    return Proxy.newProxyInstance(
        trackerType.getClassLoader(), new Class<?>[] {trackerType}, new PoolTracker(pool, stats, tracker));
  }

  @Override
  Object call(Method method, Object[] args) throws Throwable {
    try {
      count(method.getName(), args);
    } catch (Throwable t) {
      Recorder.state().stats().internalErrors.increment();
    }
    return forward(method, args);
  }

  private void count(String name, Object[] args) {
    switch (name) {
      case "recordConnectionUsageMillis":
        pool.used(((Number) args[0]).longValue());
        break;
      case "recordConnectionCreatedMillis":
        pool.created(((Number) args[0]).longValue());
        break;
      case "recordConnectionTimeout":
        pool.timedOut();
        break;
      case "close":
        pool.close();
        break;
      default: // recordConnectionAcquiredNanos: the wait is the checkout span's (db.client.connection.wait_time)
    }
  }
}
