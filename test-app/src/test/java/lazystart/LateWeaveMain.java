package lazystart;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Uses a thread pool, prints {@code idle}, sleeps {@code args[0]} ms, and only then loads {@link
 * LateWork} and calls {@link LateWork#handle} once, which runs {@link LateWork#inner} on the pool.
 */
public final class LateWeaveMain {
  private LateWeaveMain() {}

  public static void main(String[] args) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(1);
    pool.submit(() -> { }).get(); // the pool's classes are loaded and run before anything is woven
    System.out.println("idle");
    System.out.flush();
    Thread.sleep(Long.parseLong(args[0]));
    System.out.println("result=" + LateWork.handle(pool, 20));
    pool.shutdown();
  }
}
