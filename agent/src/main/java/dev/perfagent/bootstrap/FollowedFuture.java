package dev.perfagent.bootstrap;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Follows the {@code CompletableFuture} a call returned (an SDK's async {@code withRawResponse()}
 * call: {@code CompletableFuture<HttpResponseFor<T>>}): the value it completes with is followed as a
 * call's own return would be ({@link Following#result}), a raw response until its {@code parse()}.
 * A future's value cannot be swapped, so the caller gets a new future that completes as the original
 * does, with the followed value; cancelling it cancels the original.
 */
final class FollowedFuture {
  private FollowedFuture() {}

  static CompletableFuture<Object> follow(PendingSpan span, CompletableFuture<?> original) {
    CompletableFuture<Object> followed = new CompletableFuture<>();
    original.whenComplete(
        (value, error) -> {
          if (error != null) {
            span.accept(null, error);
            followed.completeExceptionally(error); // the same exception: join() and get() throw as the original's
          } else {
            followed.complete(followedValue(span, value));
          }
        });
    followed.whenComplete(
        (value, error) -> {
          if (error instanceof CancellationException) {
            original.cancel(true);
          }
        });
    return followed;
  }

  private static Object followedValue(PendingSpan span, Object value) {
    try {
      return Following.result(span, value);
    } catch (Throwable t) {
      span.state.stats().internalErrors.increment();
      span.end(System.nanoTime(), SpanRecord.END_COMPLETED);
      return value;
    }
  }
}
