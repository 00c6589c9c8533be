package dev.perfagent.bootstrap;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spans that outlived their call and have not ended yet. The exporter ends those older than the
 * open-span timeout, and all of them at exit, so that no span stays open forever or is lost.
 */
public final class PendingSpans {
  private final Set<PendingSpan> open = ConcurrentHashMap.newKeySet();

  void add(PendingSpan span) {
    open.add(span);
  }

  void remove(PendingSpan span) {
    open.remove(span);
  }

  public int size() {
    return open.size();
  }

  /** Ends the spans open for longer than {@code timeoutNanos}; returns how many (also counted). */
  public int expire(long now, long timeoutNanos) {
    int ended = 0;
    for (PendingSpan span : open) {
      if (now - span.start > timeoutNanos && span.end(now, SpanRecord.END_TIMEOUT)) {
        span.state.stats().timedOut.increment();
        ended++;
      }
    }
    return ended;
  }

  /** Ends every open span, as the process exits; returns how many. */
  public int endAll(long now) {
    int ended = 0;
    for (PendingSpan span : open) {
      if (span.end(now, SpanRecord.END_SHUTDOWN)) {
        ended++;
      }
    }
    return ended;
  }
}
