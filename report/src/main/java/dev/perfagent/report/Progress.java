package dev.perfagent.report;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr while a large input is read (at least {@link #LARGE} bytes), redrawn
 * at each whole percent, and only when a person is watching (a terminal), so that logs and pipes
 * get no carriage returns.
 */
final class Progress {
  static final long LARGE = 64L * 1024 * 1024;

  private final PrintStream err;
  private final long total;
  private final boolean shown;
  private long done;
  private int percent = -1;

  Progress(PrintStream err, long totalBytes, boolean terminal) {
    this.err = err;
    this.total = totalBytes;
    this.shown = terminal && totalBytes >= LARGE;
  }

  /**
   * A terminal: before JDK 22 {@code System.console()} is there only when the process talks to one;
   * from JDK 22 on it is there anyway and {@code Console.isTerminal()} says.
   */
  static boolean terminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  void advance(long bytes) {
    done += bytes;
    int now = (int) Math.min(100, done * 100 / Math.max(1, total));
    if (shown && now != percent) {
      percent = now;
      err.printf(Locale.ROOT, "\rperf-agent report: reading %3d%% (%,d of %,d MB)", now, done >> 20, total >> 20);
      err.flush();
    }
  }

  /** Clears the line, so the report starts on a clean one. */
  void finish() {
    if (shown && percent >= 0) {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
  }
}
