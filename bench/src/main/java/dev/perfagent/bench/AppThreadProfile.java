package dev.perfagent.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What perf-agent costs the application's own threads, from a JFR recording ({@code
 * settings=profile}) of an instrumented app: the share of their {@code jdk.ExecutionSample}s that
 * run the agent's code, by what that code does, and the share of their sampled allocation
 * ({@code jdk.ObjectAllocationSample}) made by it.
 *
 * <p>A sample is the agent's when its stack holds a {@code dev.perfagent} frame that is not merely
 * forwarding: a task wrapped for context propagation, a followed stream's spliterator or a proxy
 * runs the application's code beneath the agent's frame, and that code is the application's time
 * (only the reflection or method-handle frames between the two are the agent's). The sample goes
 * to the innermost agent frame's job ({@link #job}); a getter the agent calls is the agent's time.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.perfagent.bench.AppThreadProfile FILE.jfr [skip]}:
 * {@code skip} (0 to 1, default 0.3) is the share of the recording left out at its start, so that
 * the agent's own start-up and class loading do not count as steady state. The agent's own threads,
 * JFR's and the JVM's are left out.
 */
public final class AppThreadProfile {
  private static final String AGENT = "dev.perfagent.";
  private static final String BOOTSTRAP = "dev.perfagent.bootstrap.";
  /** The bootstrap classes by the job they do, tried in order; any other class is the recorder core. */
  private static final String[][] JOBS = {
    {"Accessors?|PropertyStep.*|ValueReader|MapLookup|MissingSteps", "reading capture paths (getters through method handles)"},
    {"ValueFreezer|FrozenError|FlowingValues", "freezing values and exceptions"},
    {"JdbcNotes?.*|WeakNotes.*|JdbcUrl", "JDBC notes (SQL, database, transaction)"},
    {"PendingSpans?.*|Following|Followed.*|ForwardingHandler|StandIns|CallbackMethods", "spans that end later (futures, streams, proxies)"},
    {"Propagation.*|TraceContext", "context propagation across executors"},
    {"PoolTracker.*|ConnectionPools?|SharedDurationHistogram", "HikariCP pool metrics"},
  };

  private AppThreadProfile() {}

  public static void main(String[] args) throws Exception {
    Path file = Paths.get(args[0]);
    double skip = args.length > 1 ? Double.parseDouble(args[1]) : 0.3;
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (RecordedEvent e : events) {
      long t = e.getStartTime().toEpochMilli();
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
    long from = first + (long) ((last - first) * skip);
    int samples = 0;
    int agentSamples = 0;
    long allocated = 0;
    long agentAllocated = 0;
    Map<String, Integer> byJob = new HashMap<>();
    Map<String, Long> allocationByJob = new HashMap<>();
    for (RecordedEvent e : events) {
      String type = e.getEventType().getName();
      boolean execution = type.equals("jdk.ExecutionSample");
      if (!execution && !type.equals("jdk.ObjectAllocationSample")) {
        continue;
      }
      if (e.getStartTime().toEpochMilli() < from || e.getStackTrace() == null
          || !isApplicationThread(e.getThread(execution ? "sampledThread" : "eventThread"))) {
        continue;
      }
      String agentFrame = agentFrame(e.getStackTrace().getFrames());
      if (execution) {
        samples++;
        if (agentFrame != null) {
          agentSamples++;
          byJob.merge(job(agentFrame), 1, Integer::sum);
        }
      } else {
        long weight = e.getLong("weight");
        allocated += weight;
        if (agentFrame != null) {
          agentAllocated += weight;
          allocationByJob.merge(job(agentFrame), weight, Long::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "application threads, last %.0f%% of the recording: %d samples, %d (%.1f%%) in the agent's code%n",
        100 * (1 - skip), samples, agentSamples, 100.0 * agentSamples / Math.max(1, samples));
    int all = Math.max(1, samples);
    byJob.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(j -> System.out.printf(Locale.ROOT, "  %5.1f%% %6d  %s%n", 100.0 * j.getValue() / all, j.getValue(), j.getKey()));
    System.out.printf(Locale.ROOT, "allocation sampled on them: %d MB, %.1f%% by the agent's code%n",
        allocated >> 20, 100.0 * agentAllocated / Math.max(1, allocated));
    long allBytes = Math.max(1, allocated);
    allocationByJob.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(j -> System.out.printf(Locale.ROOT, "  %5.1f%% %8d KB  %s%n", 100.0 * j.getValue() / allBytes, j.getValue() >> 10, j.getKey()));
  }

  private static boolean isApplicationThread(RecordedThread thread) {
    String name = thread == null ? null : thread.getJavaName();
    return name != null && !name.startsWith("perf-agent") && !name.startsWith("BatchSpanProcessor")
        && !name.startsWith("PeriodicMetricReader") && !name.startsWith("jdkhttp") && !name.startsWith("JFR ");
  }

  /** The innermost agent method on the stack that is not merely forwarding to application code; null when none. */
  private static String agentFrame(List<RecordedFrame> frames) {
    boolean applicationAbove = false;
    for (RecordedFrame f : frames) {
      if (f.getMethod() == null) {
        continue;
      }
      String type = f.getMethod().getType().getName();
      String method = type.replaceAll("\\$\\$Lambda.*", "\\$\\$Lambda") + "." + f.getMethod().getName();
      if (type.startsWith(AGENT)) {
        if (!(applicationAbove && forwards(method))) {
          return method;
        }
      } else if (!isDispatch(type)) {
        applicationAbove = true;
      }
    }
    return null;
  }

  /** A method that runs the application's code it wraps (a task, a stream, a proxied object). */
  private static boolean forwards(String method) {
    return method.startsWith(BOOTSTRAP + "Propagation$Context") && !method.endsWith(".enter")
        || method.startsWith(BOOTSTRAP + "FollowedSpliterator") && !method.endsWith(".characteristics")
        || method.startsWith(BOOTSTRAP + "FollowedIterator.")
        || method.equals(BOOTSTRAP + "ForwardingHandler.forward")
        || method.equals(BOOTSTRAP + "ForwardingHandler.invoke")
        || method.equals(BOOTSTRAP + "FollowedProxy.invoke")
        || method.equals(BOOTSTRAP + "StandIns.call")
        || method.equals(BOOTSTRAP + "FollowedHandler.call");
  }

  /** The JDK's reflection and method-handle plumbing: the cost of the call it carries out. */
  private static boolean isDispatch(String type) {
    return type.startsWith("java.lang.invoke.") || type.startsWith("java.lang.reflect.")
        || type.startsWith("jdk.internal.reflect.") || type.startsWith("jdk.proxy") || type.startsWith("com.sun.proxy.");
  }

  /** What the agent's method {@code method} is there for. */
  static String job(String method) {
    if (!method.startsWith(BOOTSTRAP)) {
      return "class loading: candidate filter, weaving (agent.weave, agent.readonly, Byte Buddy)";
    }
    String type = method.substring(BOOTSTRAP.length(), method.lastIndexOf('.'));
    for (String[] job : JOBS) {
      if (type.matches(job[0])) {
        return job[1];
      }
    }
    return "recorder core (enter, exit, frames, ids, ring)";
  }
}
