package dev.perfagent.bootstrap;

import java.util.Iterator;

/** An iterator that counts the items of the one it wraps for a span and ends it at the end. */
final class FollowedIterator<T> implements Iterator<T> {
  private final PendingSpan span;
  private final Iterator<T> iterator;
  /** False for an iterator of a stream whose end or close is seen elsewhere. */
  private final boolean endsSpan;

  FollowedIterator(PendingSpan span, Iterator<T> iterator, boolean endsSpan) {
    this.span = span;
    this.iterator = iterator;
    this.endsSpan = endsSpan;
  }

  @Override
  public boolean hasNext() {
    boolean more;
    try {
      more = iterator.hasNext();
    } catch (RuntimeException | Error e) {
      span.failed(e);
      throw e;
    }
    if (!more && endsSpan) {
      span.end(System.nanoTime(), SpanRecord.END_EXHAUSTED);
    }
    return more;
  }

  @Override
  public T next() {
    T item;
    try {
      item = iterator.next();
    } catch (java.util.NoSuchElementException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      span.failed(e);
      throw e;
    }
    span.item(item);
    return item;
  }

  @Override
  public void remove() {
    iterator.remove();
  }
}
