package dev.perfagent.bootstrap;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the agent knows of one HikariCP pool, for the connection-pool metrics: its name, its state
 * as the pool publishes it (its {@code PoolStats}, held weakly, so a pool the application dropped is
 * collected and leaves the metrics), and what its metrics tracker was told (timeouts, the times
 * connections took to create and were used), kept as counts free of application objects.
 */
public final class ConnectionPool {
  /** The indexes of {@link #readState}: the PoolStats getter each reads. */
  public static final int USED = 0;
  public static final int IDLE = 1;
  public static final int PENDING = 2;
  public static final int MAX = 3;
  public static final int MIN_IDLE = 4;
  public static final int STATES = 5;
  private static final String[] GETTERS = {
    "getActiveConnections", "getIdleConnections", "getPendingThreads", "getMaxConnections", "getMinConnections"
  };

  private final String name;
  private final WeakReference<Object> pool;
  private final WeakReference<Object> stats;
  /** The getters of the stats' class; null where this HikariCP version has none. */
  private final Method[] getters = new Method[STATES];
  private final LongAdder timeouts = new LongAdder();
  private final SharedDurationHistogram createTime = new SharedDurationHistogram();
  private final SharedDurationHistogram useTime = new SharedDurationHistogram();
  private volatile boolean closed;

  /** Resolves the getters of {@code stats} (a HikariCP {@code PoolStats}) on the thread creating the pool. */
  ConnectionPool(String name, Object pool, Object stats) {
    this.name = name;
    this.pool = new WeakReference<>(pool);
    this.stats = new WeakReference<>(stats);
    for (int i = 0; i < STATES; i++) {
      try {
        getters[i] = stats == null ? null : stats.getClass().getMethod(GETTERS[i]);
      } catch (NoSuchMethodException | SecurityException e) {
        getters[i] = null;
      }
    }
  }

  /** {@code db.client.connection.pool.name}. */
  public String name() {
    return name;
  }

  boolean isOf(Object p) {
    return pool.get() == p;
  }

  /** The pool was closed or collected: this is its last report. */
  boolean gone() {
    return closed || stats.get() == null;
  }

  void timedOut() {
    timeouts.increment();
  }

  void created(long millis) {
    createTime.record(millis * 1_000_000L);
  }

  void used(long millis) {
    useTime.record(millis * 1_000_000L);
  }

  void close() {
    closed = true;
  }

  /**
   * Reads the pool's state into {@code into} (indexes {@link #USED} ... {@link #MIN_IDLE}; -1 where
   * unknown); false when the pool is no longer there. Called on the exporter thread: HikariCP's
   * {@code PoolStats} is the pool's view for metrics registries, read from their threads; its getters
   * refresh a cached copy at most once a second from the pool's thread-safe counters, taking no lock.
   */
  public boolean readState(long[] into) {
    Object s = stats.get();
    if (s == null) {
      return false;
    }
    for (int i = 0; i < STATES; i++) {
      into[i] = -1;
      if (getters[i] != null) {
        try {
          into[i] = ((Number) getters[i].invoke(s)).longValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
          into[i] = -1;
        }
      }
    }
    return true;
  }

  /** Connections that could not be had within the pool's timeout, so far. */
  public long timeouts() {
    return timeouts.sum();
  }

  /** The times connections took to open, in the layout of {@link AggregateHistograms#snapshot}; null if none. */
  public long[] createTimes() {
    return createTime.snapshot();
  }

  /** The times connections were held between checkout and return, likewise. */
  public long[] useTimes() {
    return useTime.snapshot();
  }
}
