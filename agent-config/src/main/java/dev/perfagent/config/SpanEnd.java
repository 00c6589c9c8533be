package dev.perfagent.config;

/** When the span of a call ends ({@code end:} key, case-insensitive). */
public enum SpanEnd {
  /** {@link #COMPLETION} when the declared return type is a {@code CompletionStage} or subtype, else {@link #EXIT}. */
  AUTO,
  /** When the method returns or throws. */
  EXIT,
  /** When the returned {@code CompletionStage} completes; {@code return} is the completed value. */
  COMPLETION,
  /**
   * When the returned {@code AutoCloseable}, {@code Stream}, {@code Iterator} or {@code Iterable} is closed or
   * exhausted, whichever comes first.
   */
  CLOSE,
  /**
   * When the callback the method takes as an argument (a public interface with an {@code onComplete...}
   * or {@code onError} method) is told the work completed or failed; {@code return} is the value its
   * completion receives, {@code chunk} each value its {@code onNext}/{@code onPartial...} methods receive.
   */
  CALLBACK
}
