package dev.perfagent.bootstrap;

/**
 * Marks the agent's own threads: the exporter, the exit flush, and every thread they create (the
 * SDK's batch worker, HTTP client threads, ...), which inherit the mark. Calls made on a marked
 * thread are never recorded, so the agent's own work (an export through a woven HTTP client, say)
 * cannot turn into spans and feed itself. Threads of the application never carry the mark: it is
 * only inherited from a marked thread (a shared fork-join pool's workers do not inherit it).
 */
public final class AgentThreads {
  private static final InheritableThreadLocal<Boolean> MARK = new InheritableThreadLocal<>();

  private AgentThreads() {}

  /** Marks the calling thread (and the threads it creates from now on) as the agent's. */
  public static void markCurrent() {
    MARK.set(Boolean.TRUE);
  }

  static boolean isAgent() {
    return MARK.get() == Boolean.TRUE;
  }
}
