package dev.perfagent.agent.export;

/**
 * When the exporter thread has work of its own: ending the open spans past their timeout, once an
 * interval. With the buffer empty it sleeps until then; writers wake it sooner (every quarter of the
 * buffer) and so does the exit.
 */
final class ExpirySchedule {
  private final long intervalNanos;
  private long next;

  /** The first expiry is due at once. */
  ExpirySchedule(long intervalNanos, long now) {
    this.intervalNanos = intervalNanos;
    this.next = now;
  }

  /** True when the expiry is due at {@code now}; the next one is then an interval later. */
  boolean due(long now) {
    if (now - next < 0) {
      return false;
    }
    next = now + intervalNanos;
    return true;
  }

  /** How long an idle exporter may sleep at {@code now}: until the next expiry. */
  long idleNanos(long now) {
    return Math.max(1, next - now);
  }
}
