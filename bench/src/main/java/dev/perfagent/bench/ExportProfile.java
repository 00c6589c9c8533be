package dev.perfagent.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the agent's threads spend their CPU, from a JFR recording of {@code ExportCpu}: the
 * {@code jdk.ExecutionSample}s of every thread but the load's, {@code main} and the sampler,
 * counted by top frame (self) and by every method on the stack (total), the {@code top} largest of
 * each as a share of those samples.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.perfagent.bench.ExportProfile FILE.jfr [top] [thread]}:
 * with {@code thread}, only the threads whose name starts with it.
 */
public final class ExportProfile {
  private ExportProfile() {}

  public static void main(String[] args) throws Exception {
    Path file = Paths.get(args[0]);
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    String only = args.length > 2 ? args[2] : "";
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      RecordedThread thread = e.getThread("sampledThread");
      String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
      if (name.equals("main") || name.equals("cpu-sampler") || name.startsWith("load-") || name.startsWith("warmup-")
          || name.startsWith("JFR ") || !name.startsWith(only)) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      threads.merge(name.replaceAll("[0-9]+", "N"), 1, Integer::sum);
      self.merge(method(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String m = method(f);
        if (seen.add(m)) {
          total.merge(m, 1, Integer::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d samples of the agent's threads%n", samples);
    print("by thread", threads, samples, top);
    print("self (top frame)", self, samples, top);
    print("total (on the stack)", total, samples, top);
  }

  private static String method(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    return m == null ? "?" : m.getType().getName() + "." + m.getName();
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.println(title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%% %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
  }
}
