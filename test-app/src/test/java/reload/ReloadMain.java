package reload;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * A long-running application driven line by line on its standard input, for changing the agent's
 * configuration while it runs: {@code call} calls each worker once, {@code hold} starts a call that
 * stays open until {@code release}, {@code bytes} says whether {@link Greeter}'s bytecode is its
 * class file's (through {@link BytesAgent}), {@code quit} ends. Each command prints one line, then
 * {@code ok}; the lines depend only on what was computed.
 */
public final class ReloadMain {
  public static void main(String[] args) throws Exception {
    Greeter greeter = new Greeter();
    Counter counter = new Counter();
    Waiter waiter = new Waiter();
    CountDownLatch release = new CountDownLatch(1);
    Thread held = null;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    for (String command = in.readLine(); command != null; command = in.readLine()) {
      switch (command) {
        case "call":
          System.out.println(greeter.greet("ada") + " " + counter.count(3));
          break;
        case "hold":
          held = new Thread(() -> System.out.println(waiter.slowGreet("grace", release)));
          held.start();
          waiter.awaitHeld();
          System.out.println("holding");
          break;
        case "release":
          release.countDown();
          held.join();
          break;
        case "bytes":
          System.out.println("greeter bytecode original: " + isOriginal(Greeter.class));
          break;
        case "quit":
          System.out.println("ok");
          return;
        default:
          System.out.println("unknown command " + command);
      }
      System.out.println("ok");
    }
  }

  private static boolean isOriginal(Class<?> type) throws Exception {
    byte[] running = BytesAgent.bytesOf(type);
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return Arrays.equals(running, in.readAllBytes());
    }
  }
}
