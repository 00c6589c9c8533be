package com.acme.returns.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A cache that calls its loader at most once per key, even when threads miss at the same time:
 * the first thread loads, the others wait for its result. Keeps cold starts (and the counters that
 * count them) independent of thread interleaving.
 */
public final class SingleFlight<K, V> {

  private final ConcurrentHashMap<K, CompletableFuture<V>> entries = new ConcurrentHashMap<>();

  public V get(K key, Function<? super K, ? extends V> loader) {
    CompletableFuture<V> existing = entries.get(key);
    if (existing == null) {
      CompletableFuture<V> mine = new CompletableFuture<>();
      existing = entries.putIfAbsent(key, mine);
      if (existing == null) {
        return load(key, loader, mine);
      }
    }
    return await(existing);
  }

  public int size() {
    return entries.size();
  }

  private V load(K key, Function<? super K, ? extends V> loader, CompletableFuture<V> slot) {
    try {
      V value = loader.apply(key);
      slot.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      entries.remove(key, slot);
      slot.completeExceptionally(e);
      throw e;
    }
  }

  private static <V> V await(CompletableFuture<V> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }
}
