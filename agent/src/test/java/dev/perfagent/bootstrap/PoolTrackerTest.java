package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-ins for a HikariCP pool's metrics tracker factory and trackers, on interfaces shaped like
 * HikariCP's ({@code MetricsTrackerFactory}, {@code IMetricsTracker}, {@code PoolStats}); the real
 * pool is JdbcPresetIT's.
 */
class PoolTrackerTest {
  /** As HikariCP's IMetricsTracker. */
  public interface Tracker extends AutoCloseable {
    default void recordConnectionCreatedMillis(long millis) {}

    default void recordConnectionAcquiredNanos(long nanos) {}

    default void recordConnectionUsageMillis(long millis) {}

    default void recordConnectionTimeout() {}

    @Override
    default void close() {}
  }

  /** As HikariCP's MetricsTrackerFactory. */
  public interface Factory {
    Tracker create(String poolName, Stats stats);
  }

  /** As HikariCP's PoolStats. */
  public static class Stats {
    public int getActiveConnections() {
      return 3;
    }

    public int getIdleConnections() {
      return 1;
    }

    public int getPendingThreads() {
      return 2;
    }

    public int getMaxConnections() {
      return 4;
    }
    // no getMinConnections: an older HikariCP
  }

  /** The application's own factory: counts what its trackers are told. */
  static final class Counting implements Factory {
    int created;
    int uses;
    int timeouts;
    int closed;

    @Override
    public Tracker create(String poolName, Stats stats) {
      created++;
      return new Tracker() {
        @Override
        public void recordConnectionUsageMillis(long millis) {
          uses++;
        }

        @Override
        public void recordConnectionTimeout() {
          if (timeouts++ > 0) {
            throw new IllegalStateException("the application's tracker throws");
          }
        }

        @Override
        public void close() {
          closed++;
        }
      };
    }
  }

  @AfterEach
  void forgetPools() {
    ConnectionPools.report(); // what these tests closed leaves now
  }

  private static Factory wrap(Object pool, Factory factory) {
    return (Factory) PoolTrackerFactory.wrap(pool, factory, Factory.class);
  }

  private static List<ConnectionPool> reported(String name) {
    return ConnectionPools.report().stream().filter(p -> p.name().equals(name)).collect(Collectors.toList());
  }

  @Test
  void theApplicationsFactoryAndTrackerAreStillToldEverything() {
    Counting application = new Counting();
    Object pool = new Object();
    Factory wrapped = wrap(pool, application);
    assertNotSame(application, wrapped);
    assertSame(wrapped, PoolTrackerFactory.wrap(pool, wrapped, Factory.class), "never wrapped twice");

    Tracker tracker = wrapped.create("orders", new Stats());
    tracker.recordConnectionUsageMillis(30);
    tracker.recordConnectionUsageMillis(7);
    tracker.recordConnectionCreatedMillis(12);
    tracker.recordConnectionAcquiredNanos(5);
    tracker.recordConnectionTimeout();
    assertEquals(1, application.created);
    assertEquals(2, application.uses);
    assertEquals(1, application.timeouts);
    IllegalStateException thrown = assertThrows(IllegalStateException.class, tracker::recordConnectionTimeout);
    assertEquals("the application's tracker throws", thrown.getMessage(), "reaches the pool as it would without the agent");

    ConnectionPool reported = reported("orders").get(0);
    assertEquals(2, reported.timeouts(), "counted before the application's tracker threw");
    long[] uses = reported.useTimes();
    assertEquals(2, uses[DurationHistograms.bucket(7_000_000L)] + uses[DurationHistograms.bucket(30_000_000L)]);
    assertEquals(37_000_000L, uses[DurationHistograms.SUM]);
    assertEquals(7_000_000L, uses[DurationHistograms.MIN]);
    assertEquals(30_000_000L, uses[DurationHistograms.MAX]);
    assertEquals(12_000_000L, reported.createTimes()[DurationHistograms.SUM]);

    tracker.close();
    assertEquals(1, application.closed);
  }

  @Test
  void withoutAnApplicationFactoryThePoolStillGetsATracker() throws Exception {
    Factory wrapped = wrap(new Object(), null);
    Tracker tracker = wrapped.create("plain", new Stats());
    tracker.recordConnectionUsageMillis(1);
    tracker.recordConnectionTimeout();
    assertEquals(tracker, tracker);
    assertEquals(System.identityHashCode(tracker), tracker.hashCode());
    ConnectionPool pool = reported("plain").get(0);
    assertEquals(1, pool.timeouts());
    assertEquals(null, pool.createTimes(), "nothing created: no histogram");
    long[] state = new long[ConnectionPool.STATES];
    assertTrue(pool.readState(state));
    assertArrayEquals(new long[] {3, 1, 2, 4, -1}, state, "used, idle, pending, max; no minimum in this version");
    tracker.close();
  }

  @Test
  void aClosedPoolIsReportedOnceMoreThenNoLonger() {
    Tracker tracker = wrap(new Object(), null).create("closing", new Stats());
    tracker.recordConnectionTimeout();
    assertEquals(1, reported("closing").size());
    tracker.close();
    List<ConnectionPool> last = reported("closing");
    assertEquals(1, last.size());
    assertEquals(1, last.get(0).timeouts(), "its counts up to the close");
    assertEquals(0, reported("closing").size());
  }

  @Test
  void aPoolGivenANewTrackerIsReportedOnce() {
    Object pool = new Object();
    wrap(pool, null).create("replaced", new Stats());
    Tracker second = wrap(pool, new Counting()).create("replaced", new Stats());
    assertEquals(1, reported("replaced").size());
    second.close();
  }

  @Test
  void aPoolTheApplicationDroppedIsNotHeldAndLeavesTheMetrics() throws Exception {
    Object pool = new Object();
    Stats stats = new Stats();
    // what the real pool holds: its tracker, which holds its stats (an inner object of the pool)
    Object[] poolHoldsItsTracker = {wrap(pool, null).create("dropped", stats)};
    WeakReference<Object> poolGone = new WeakReference<>(pool);
    WeakReference<Object> statsGone = new WeakReference<>(stats);
    assertEquals(1, reported("dropped").size());
    pool = null;
    stats = null;
    poolHoldsItsTracker[0] = null;
    for (int i = 0; i < 50 && (poolGone.get() != null || statsGone.get() != null); i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertEquals(null, poolGone.get(), "the registry holds no pool");
    assertEquals(null, statsGone.get(), "nor its stats");
    List<ConnectionPool> last = reported("dropped");
    assertEquals(1, last.size(), "reported once more: its counts so far");
    assertFalse(last.get(0).readState(new long[ConnectionPool.STATES]), "its state is gone");
    assertEquals(0, reported("dropped").size());
  }

  @Test
  void onlyAPoolMetricsSiteWrapsAndAnythingElseKeepsTheFactory() {
    Recorder.install(new RecorderState(new SpanRing(4, 1), 4096, 128)
        .withPlans(new PointcutPlan[] {PointcutPlan.note(JdbcNotes.POOL_METRICS), PointcutPlan.note(JdbcNotes.WRAPPER)}));
    try {
      Counting application = new Counting();
      assertNotSame(application, Recorder.poolMetrics(0, new Object(), application, Factory.class));
      assertSame(application, Recorder.poolMetrics(1, new Object(), application, Factory.class));
      assertSame(application, Recorder.poolMetrics(7, new Object(), application, Factory.class), "unknown site");
      assertSame(application, Recorder.poolMetrics(0, new Object(), application, Stats.class), "not an interface");
    } finally {
      Recorder.install(RecorderState.EMPTY);
    }
  }
}
