package dev.perfagent.bootstrap;

import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Puts a span on the stream of items a call returned, so that the span ends when the application
 * closes it or has read it to the end: a {@code Stream} or {@code Iterator} is wrapped in one that
 * counts the items; any other public interface (an SDK's {@code StreamResponse}, an
 * {@code Iterable}, an {@code AutoCloseable}) gets a proxy that ends the span on {@code close()} and
 * follows the streams and iterators its methods return; a {@code CompletableFuture} is followed
 * through the value it completes with ({@link FollowedFuture}); a Reactor {@code Flux} is followed
 * from its subscription ({@link FollowedPublisher}). The wrapper is an instance of the method's
 * declared return type, so the caller cannot tell the difference. The span waits among the pending
 * ones (ended by the open-span timeout if nothing else ends it) from the call on, a flux's only from
 * its subscription: a flux nobody subscribes to sends nothing, and its span is never written.
 */
final class Following {
  private Following() {}

  private static final ClassValue<Boolean> PARSES =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          try {
            return type.isInterface() && type.getMethod("parse").getParameterCount() == 0;
          } catch (NoSuchMethodException e) {
            return false;
          }
        }
      };

  /**
   * True when {@code declared} is a raw HTTP response (the SDKs' {@code HttpResponseFor<T>} of
   * {@code withRawResponse()}): its {@code parse()} gives the result, which {@code return} paths read.
   */
  static boolean parses(Class<?> declared) {
    return PARSES.get(declared);
  }

  /**
   * True when {@code return} paths of a call of declared return type {@code declared} read a value
   * that comes later, not the returned object: what a raw response's {@code parse()} or a future gives.
   */
  static boolean resultComesLater(Class<?> declared) {
    return parses(declared) || declared == CompletableFuture.class;
  }

  /** True when a value of the declared return type {@code declared} can be followed. */
  static boolean canFollow(Class<?> declared) {
    return declared == Stream.class || declared == Iterator.class || declared == CompletableFuture.class
        || (declared.isInterface() && Modifier.isPublic(declared.getModifiers()))
        || FollowedPublisher.canFollow(declared);
  }

  /**
   * {@code returned} wrapped so that {@code span} follows it; {@code declared} passes {@link #canFollow}.
   * Puts the span among the pending ones, before anything can end it.
   */
  static Object follow(PendingSpan span, Object returned, Class<?> declared) throws ReflectiveOperationException {
    if (FollowedPublisher.canFollow(declared)) {
      return FollowedPublisher.follow(span, returned, declared); // pending from its subscription
    }
    span.followItems();
    if (declared == CompletableFuture.class) {
      return FollowedFuture.follow(span, (CompletableFuture<?>) returned);
    }
    if (declared == Stream.class) {
      return stream(span, (Stream<?>) returned);
    }
    if (declared == Iterator.class) {
      return new FollowedIterator<>(span, (Iterator<?>) returned, true);
    }
    return Proxy.newProxyInstance(
        declared.getClassLoader(), new Class<?>[] {declared}, new FollowedProxy(span, returned));
  }

  /**
   * What a raw response's {@code parse()} or a followed future gave, as the caller gets it: a
   * closeable of public interfaces (a streaming response, a raw response) is followed in turn by a
   * proxy; any other value is the call's result, which {@code return} paths read, and the span ends.
   */
  static Object result(PendingSpan span, Object value) {
    Class<?>[] interfaces = value == null ? new Class<?>[0] : value.getClass().getInterfaces();
    if (value instanceof AutoCloseable && interfaces.length > 0 && allPublic(interfaces)) {
      return Proxy.newProxyInstance(value.getClass().getClassLoader(), interfaces, new FollowedProxy(span, value));
    }
    span.accept(value, null);
    return value;
  }

  private static boolean allPublic(Class<?>[] interfaces) {
    for (Class<?> i : interfaces) {
      if (!Modifier.isPublic(i.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  /** A stream over the same items that counts them and ends the span when consumed or closed. */
  static <T> Stream<T> stream(PendingSpan span, Stream<T> original) {
    return StreamSupport.stream(new FollowedSpliterator<>(span, original.spliterator(), true), original.isParallel())
        .onClose(
            () -> {
              try {
                original.close();
              } finally {
                span.end(System.nanoTime(), SpanRecord.END_CLOSED);
              }
            });
  }
}
