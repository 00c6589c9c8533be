package dev.perfagent.agent.export;

import java.security.SecureRandom;

/**
 * Turns the recorder's local span ids (unique in the process, sequential) into OpenTelemetry ids.
 * The mapping is a bijection salted per process (SplitMix64's finalizer), so a span and its parent
 * get consistent ids without any table, and ids look random to backends.
 */
final class SpanIds {
  private final long spanSalt;
  private final long traceSaltHigh;
  private final long traceSaltLow;

  SpanIds(long seed) {
    SplitMix random = new SplitMix(seed);
    this.spanSalt = random.next();
    this.traceSaltHigh = random.next();
    this.traceSaltLow = random.next();
  }

  static SpanIds random() {
    return new SpanIds(new SecureRandom().nextLong());
  }

  /** The context of span {@code localId} of the trace whose root is {@code rootLocalId}. */
  LongIdSpanContext context(long rootLocalId, long localId) {
    return new LongIdSpanContext(
        nonZero(mix(rootLocalId + traceSaltHigh)), nonZero(mix(rootLocalId ^ traceSaltLow)), spanId(localId));
  }

  long spanId(long localId) {
    return nonZero(mix(localId + spanSalt));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long nonZero(long v) {
    return v == 0 ? 1 : v;
  }

  private static final class SplitMix {
    private long state;

    SplitMix(long seed) {
      this.state = seed;
    }

    long next() {
      state += 0x9e3779b97f4a7c15L;
      return mix(state);
    }
  }
}
