package coldstart;

import java.util.concurrent.locks.LockSupport;

/**
 * Makes spans from its first instant, before the agent's OpenTelemetry SDK can be up: calls
 * {@link #step} {@code args[0]} times at {@code args[1]} calls per second (each batch of 64 not
 * before its due time), prints {@code calls=N}, waits {@code args[2]} ms and exits.
 */
public final class BurstMain {
  private BurstMain() {}

  public static void main(String[] args) throws InterruptedException {
    long calls = Long.parseLong(args[0]);
    double perSecond = Double.parseDouble(args[1]);
    long start = System.nanoTime();
    long sum = 0;
    for (long n = 0; n < calls; n++) {
      sum += step(n);
      if ((n & 63) == 63) {
        long due = start + (long) ((n + 1) * 1e9 / perSecond);
        while (System.nanoTime() < due) {
          LockSupport.parkNanos(Math.min(100_000, due - System.nanoTime()));
        }
      }
    }
    System.out.println("calls=" + calls + " checksum=" + sum);
    Thread.sleep(Long.parseLong(args[2]));
  }

  static long step(long n) {
    return n * 31 + 7;
  }
}
