package com.acme.bench.app;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What a change of the agent's configuration costs a running application. It compiles and loads
 * {@code classes} small classes ({@code com.acme.bench.gen.C0...}, each an {@link IntUnaryOperator},
 * each called once), then runs a hiccup meter on the main thread (a short computation in a loop,
 * the longest iteration kept per 100 ms window) while a second thread rewrites the configuration
 * file: first a pointcut on every generated class is added, then removed. It prints the longest
 * iteration before, during and after each change (the agent's log says how long each change took
 * and how many classes it re-wove).
 *
 * <p>args: {@code CONFIG CLASSES}
 */
public final class ReloadLoad {
  private static final long SETTLE_MILLIS = 8_000;
  private static final long WINDOW_NANOS = 100_000_000L;

  private ReloadLoad() {}

  public static void main(String[] args) throws Exception {
    Path config = Path.of(args[0]);
    int classes = Integer.parseInt(args[1]);
    List<IntUnaryOperator> loaded = load(classes);
    int sum = 0;
    for (IntUnaryOperator op : loaded) {
      sum += op.applyAsInt(1);
    }
    String base = Files.readString(config);
    String weaving = base + "  - name: generated\n    class: com.acme.bench.gen.*\n    method: applyAsInt\n"
        + "    mode: aggregate\n";
    List<long[]> windows = new ArrayList<>();
    long[] marks = new long[4];
    Thread editor = new Thread(() -> {
      try {
        Thread.sleep(SETTLE_MILLIS);
        marks[0] = System.nanoTime();
        save(config, weaving);
        Thread.sleep(SETTLE_MILLIS);
        marks[1] = System.nanoTime();
        save(config, base);
        Thread.sleep(SETTLE_MILLIS);
        marks[2] = System.nanoTime();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "config-editor");
    editor.start();
    sum += meter(editor, windows);
    System.out.printf(Locale.ROOT, "reload-load: classes=%d checksum=%d%n", classes, sum);
    print("before", windows, 0, marks[0]);
    print("adding", windows, marks[0], marks[1]);
    print("removing", windows, marks[1], marks[2]);
  }

  /** Saves by writing a new file and renaming it over the old, as editors do. */
  private static void save(Path config, String text) throws IOException {
    Path next = config.resolveSibling(config.getFileName() + ".new");
    Files.writeString(next, text);
    Files.move(next, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Runs until {@code editor} ends; each window: {start nanos, iterations, longest iteration nanos}. */
  private static int meter(Thread editor, List<long[]> windows) {
    int x = 0;
    long windowStart = System.nanoTime();
    long iterations = 0;
    long longest = 0;
    while (editor.isAlive()) {
      long start = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        x = x * 31 + i;
      }
      long end = System.nanoTime();
      iterations++;
      longest = Math.max(longest, end - start);
      if (end - windowStart >= WINDOW_NANOS) {
        windows.add(new long[] {windowStart, iterations, longest});
        windowStart = end;
        iterations = 0;
        longest = 0;
      }
    }
    return x;
  }

  private static void print(String phase, List<long[]> windows, long from, long to) {
    long longest = 0;
    long worstWindow = Long.MAX_VALUE;
    long sum = 0;
    int n = 0;
    for (long[] w : windows) {
      if (w[0] >= from && w[0] < to) {
        longest = Math.max(longest, w[2]);
        worstWindow = Math.min(worstWindow, w[1]);
        sum += w[1];
        n++;
      }
    }
    System.out.printf(Locale.ROOT,
        "reload-load: phase=%s windows=%d longest_iteration_ms=%.2f iterations_per_window_mean=%d min=%d%n",
        phase, n, longest / 1e6, n == 0 ? 0 : sum / n, n == 0 ? 0 : worstWindow);
  }

  private static List<IntUnaryOperator> load(int classes) throws Exception {
    Path dir = Files.createTempDirectory("reload-load");
    Path sources = Files.createDirectories(dir.resolve("src/com/acme/bench/gen"));
    List<String> files = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      Path file = sources.resolve("C" + i + ".java");
      Files.writeString(file,
          "package com.acme.bench.gen;\npublic final class C" + i + " implements java.util.function.IntUnaryOperator {\n"
              + "  public int applyAsInt(int x) { return x + " + i + "; }\n}\n",
          StandardCharsets.UTF_8);
      files.add(file.toString());
    }
    Path out = Files.createDirectories(dir.resolve("classes"));
    files.add(0, out.toString());
    files.add(0, "-d");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, files.toArray(new String[0])) != 0) {
      throw new IllegalStateException("could not compile the generated classes");
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, ReloadLoad.class.getClassLoader());
    List<IntUnaryOperator> loaded = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      loaded.add((IntUnaryOperator) loader.loadClass("com.acme.bench.gen.C" + i).getDeclaredConstructor().newInstance());
    }
    return loaded;
  }
}
