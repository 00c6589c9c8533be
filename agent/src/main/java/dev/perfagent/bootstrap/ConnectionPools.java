package dev.perfagent.bootstrap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The connection pools whose metrics the agent reports: added when a pool starts, gone once closed or collected. */
public final class ConnectionPools {
  private static final ConcurrentLinkedQueue<ConnectionPool> POOLS = new ConcurrentLinkedQueue<>();

  private ConnectionPools() {}

  /** Starts reporting {@code entry}, instead of any earlier entry of the same pool (its tracker was replaced). */
  static void add(Object pool, ConnectionPool entry) {
    POOLS.removeIf(p -> p.isOf(pool));
    POOLS.add(entry);
  }

  /** Whether any pool has started since the agent did (closed ones included until reported). */
  public static boolean any() {
    return !POOLS.isEmpty();
  }

  /**
   * The pools to report now. A pool closed or collected since the last report is in it one last
   * time (its counts up to its close) and then forgotten. Called on the exporter thread.
   */
  public static List<ConnectionPool> report() {
    List<ConnectionPool> report = new ArrayList<>();
    for (Iterator<ConnectionPool> it = POOLS.iterator(); it.hasNext(); ) {
      ConnectionPool p = it.next();
      if (p.gone()) {
        it.remove();
      }
      report.add(p);
    }
    return report;
  }
}
