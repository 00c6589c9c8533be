package lazystart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Prints {@code idle}, sleeps {@code args[0]} ms, calls {@link #step} {@code args[1]} times, and then,
 * given a file {@code args[2]}, waits (at most 30 s) until it holds a span and prints {@code exported
 * while running} or {@code not exported while running}.
 */
public final class IdleMain {
  private IdleMain() {}

  public static void main(String[] args) throws InterruptedException, IOException {
    System.out.println("idle");
    System.out.flush();
    Thread.sleep(Long.parseLong(args[0]));
    long sum = 0;
    for (int n = Integer.parseInt(args[1]); n > 0; n--) {
      sum += step(n);
    }
    System.out.println("calls=" + args[1] + " checksum=" + sum);
    if (args.length > 2) {
      System.out.println(spanWithin(Paths.get(args[2]), 30_000) ? "exported while running" : "not exported while running");
    }
  }

  static long step(long n) {
    return n * 31 + 7;
  }

  private static boolean spanWithin(Path file, long millis) throws InterruptedException, IOException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      if (Files.exists(file) && new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains("\"spanId\"")) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }
}
