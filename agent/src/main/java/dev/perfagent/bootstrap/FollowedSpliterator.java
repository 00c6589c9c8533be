package dev.perfagent.bootstrap;

import java.util.Comparator;
import java.util.Spliterator;
import java.util.function.Consumer;

/**
 * A spliterator that counts the items of the one it wraps for a span, and ends the span when the
 * items run out. Parts split off for a parallel stream are counted but do not end the span.
 */
final class FollowedSpliterator<T> implements Spliterator<T> {
  private final PendingSpan span;
  private final Spliterator<T> source;
  private final boolean endsSpan;

  FollowedSpliterator(PendingSpan span, Spliterator<T> source, boolean endsSpan) {
    this.span = span;
    this.source = source;
    this.endsSpan = endsSpan;
  }

  @Override
  public boolean tryAdvance(Consumer<? super T> action) {
    boolean advanced;
    try {
      advanced = source.tryAdvance(item -> {
        span.item(item);
        action.accept(item);
      });
    } catch (RuntimeException | Error e) {
      span.failed(e);
      throw e;
    }
    if (!advanced && endsSpan) {
      span.end(System.nanoTime(), SpanRecord.END_EXHAUSTED);
    }
    return advanced;
  }

  @Override
  public void forEachRemaining(Consumer<? super T> action) {
    try {
      source.forEachRemaining(item -> {
        span.item(item);
        action.accept(item);
      });
    } catch (RuntimeException | Error e) {
      span.failed(e);
      throw e;
    }
    if (endsSpan) {
      span.end(System.nanoTime(), SpanRecord.END_EXHAUSTED);
    }
  }

  @Override
  public Spliterator<T> trySplit() {
    Spliterator<T> part = source.trySplit();
    return part == null ? null : new FollowedSpliterator<>(span, part, false);
  }

  @Override
  public long estimateSize() {
    return source.estimateSize();
  }

  @Override
  public long getExactSizeIfKnown() {
    return source.getExactSizeIfKnown();
  }

  @Override
  public int characteristics() {
    return source.characteristics();
  }

  @Override
  public Comparator<? super T> getComparator() {
    return source.getComparator();
  }
}
