package reload;

import java.util.concurrent.CountDownLatch;

/** Greets once released, so that a call is open while the configuration changes. */
public final class Waiter {
  private final CountDownLatch held = new CountDownLatch(1);

  public String slowGreet(String name, CountDownLatch release) {
    held.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "hello at last " + name;
  }

  void awaitHeld() throws InterruptedException {
    held.await();
  }
}
