package lazystart;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/** Loaded only when {@link LateWeaveMain} calls it, long after the start. */
final class LateWork {
  private LateWork() {}

  static long handle(ExecutorService pool, long n) throws ExecutionException, InterruptedException {
    return pool.submit(() -> inner(n)).get();
  }

  static long inner(long n) {
    return n * 2;
  }
}
