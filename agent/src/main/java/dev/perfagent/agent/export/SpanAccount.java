package dev.perfagent.agent.export;

/**
 * Where the recorded spans went up to their hand-over to the SDK, as counted at exit: into the
 * recorder's buffer or not, drained from it, lost while assembling, not sampled, handed over.
 */
final class SpanAccount {
  /** Spans that got into the recorder's buffer. */
  final long written;
  /** Spans dropped because that buffer was full. */
  final long bufferFull;
  /** Spans the exporter thread took out of the buffer. */
  final long drained;
  /** Drained spans lost to an internal error while they were assembled. */
  final long lost;
  /** Spans the sampler left out. */
  final long notSampled;
  /** Spans handed to the span processors. */
  final long handed;

  SpanAccount(long written, long bufferFull, long drained, long lost, long notSampled, long handed) {
    this.written = written;
    this.bufferFull = bufferFull;
    this.drained = drained;
    this.lost = lost;
    this.notSampled = notSampled;
    this.handed = handed;
  }

  long recorded() {
    return written + bufferFull;
  }

  /** Assembled and sampled, yet given to no exporter: there is none, or it never started. */
  long neverHanded() {
    return drained - lost - notSampled - handed;
  }

  /** Recorded after the exporter's last drain, or not drained before the exit deadline. */
  long leftInBuffer() {
    return written - drained;
  }
}
