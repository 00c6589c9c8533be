package lingering;

import com.acme.returns.Main;

/**
 * The returns-assistant demo that stays up after its conversations, as a service would, so its
 * {@code /metrics} can be scraped; prints {@code lingering} when its work is done, ends on SIGTERM.
 */
public final class LingeringDemo {
  private LingeringDemo() {}

  public static void main(String[] args) throws InterruptedException {
    int status = Main.run(System.out, System.err, args);
    if (status != 0) {
      System.exit(status);
    }
    System.out.println("lingering");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
