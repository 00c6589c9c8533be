package hostile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An application that is hard on an agent: values whose toString throws an Error or recurses without
 * end, a list that contains itself, an exception whose getMessage throws, recursion caught as a
 * StackOverflowError, objects whose "getters" change them (iterators, stacks, streams, files,
 * classes, counters), and ordinary work through the JDK (maps, string building, thread locals). Its
 * output depends only on what it computed, so a run with the agent must print exactly what a run
 * without it prints.
 */
public final class HostileMain {
  private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(StringBuilder::new);

  public static void main(String[] args) throws Exception {
    Values values = new Values();
    System.out.println("throwing toString: " + values.take(new ThrowingToString()));
    System.out.println("deep toString: " + values.take(new Deep(100_000)));
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);
    cyclic.add("x");
    System.out.println("cyclic list: " + values.take(cyclic));
    System.out.println("long text: " + values.take("y".repeat(2_000_000)));
    try {
      values.fail(new HostileException());
    } catch (HostileException e) {
      System.out.println("hostile exception caught");
    }
    Recursion recursion = new Recursion();
    System.out.println("stack overflow caught: " + recursion.overflow());
    System.out.println("recursion after overflow: " + recursion.depth(50));
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      StringBuilder b = BUFFER.get();
      b.setLength(0);
      counts.merge(b.append("k").append(i % 7).toString(), 1, Integer::sum);
    }
    System.out.println("jdk work: " + new java.util.TreeMap<>(counts));
    Paths.touchAll();
    if (args.length > 0 && args[0].equals("--serve")) {
      serveUntilKilled(counts);
    }
    System.out.println("done");
  }

  /** Goes on with the same JDK work until the process is stopped (SIGTERM), as a service would. */
  private static void serveUntilKilled(Map<String, Integer> counts) throws InterruptedException {
    System.out.println("serving");
    Values values = new Values();
    for (long i = 0; ; i++) {
      StringBuilder b = BUFFER.get();
      b.setLength(0);
      counts.merge(b.append("k").append(i % 7).toString(), 1, Integer::sum);
      values.take(b);
      if (i % 1_000 == 0) {
        Thread.sleep(1);
      }
    }
  }

  /** Takes any value and returns its size in a way that never calls its toString. */
  public static final class Values {
    public int take(Object value) {
      return value instanceof String ? ((String) value).length() : System.identityHashCode(value) >= 0 ? 1 : 0;
    }

    public void fail(HostileException e) throws HostileException {
      throw e;
    }

    public String getName() {
      return "values";
    }
  }

  static final class ThrowingToString {
    @Override
    public String toString() {
      throw new AssertionError("toString must not be called by anyone but an agent");
    }
  }

  /** A chain whose toString recurses until the stack is gone. */
  static final class Deep {
    private final Deep next;

    Deep(int depth) {
      Deep d = null;
      for (int i = 0; i < depth; i++) {
        d = new Deep(d);
      }
      this.next = d;
    }

    private Deep(Deep next) {
      this.next = next;
    }

    @Override
    public String toString() {
      return "(" + next + ")";
    }
  }

  static final class HostileException extends Exception {
    @Override
    public String getMessage() {
      throw new IllegalStateException("no message");
    }
  }

  /** Recursion deep enough to overflow the stack, caught by the application. */
  public static final class Recursion {
    public int depth(int n) {
      return n == 0 ? 0 : 1 + depth(n - 1);
    }

    public boolean overflow() {
      try {
        depth(Integer.MAX_VALUE);
        return false;
      } catch (StackOverflowError expected) {
        return true;
      }
    }
  }

  /** Hands objects to methods whose capture paths name steps that would change them if called. */
  public static final class Paths {
    static void touchAll() throws java.io.IOException {
      Paths paths = new Paths();
      java.util.Iterator<String> iterator = List.of("a", "b").iterator();
      java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>(List.of("x", "y"));
      java.util.TreeSet<Integer> sorted = new java.util.TreeSet<>(List.of(3, 1, 2));
      java.io.InputStream stream = new java.io.ByteArrayInputStream(new byte[] {1, 2, 3});
      java.io.File dir = new java.io.File(System.getProperty("java.io.tmpdir"), "perf-agent-never-" + ProcessHandle.current().pid());
      Counter counter = new Counter();
      for (int i = 0; i < 3; i++) {
        paths.touch(iterator);
        paths.touch(stack);
        paths.touch(sorted);
        paths.touch(stream);
        paths.touch(dir);
        paths.touch(Plugin.class);
        paths.touch(counter);
        paths.touch(new Model("gpt-test", 42));
      }
      System.out.println("iterator untouched: " + iterator.next());
      System.out.println("stack untouched: " + stack);
      System.out.println("sorted set untouched: " + sorted);
      System.out.println("stream untouched: " + stream.available() + " bytes left");
      System.out.println("directory not created: " + !dir.exists());
      System.out.println("plugin never constructed: " + Plugin.constructed);
      System.out.println("counter untouched: " + counter.next + ", " + counter.iterations);
    }

    public int touch(Object target) {
      return target == null ? 0 : 1;
    }
  }

  /** Its constructor and static initializer say when they ran. */
  public static final class Plugin {
    static int constructed;

    static {
      System.out.println("Plugin static initializer ran");
    }

    public Plugin() {
      constructed++;
    }
  }

  /** Getters that are not: each call changes the counter. */
  public static final class Counter {
    int next;
    int iterations;

    public int getNextId() {
      return ++next;
    }

    public int beginIteration() {
      return ++iterations;
    }

    public String getName() {
      return "counter";
    }
  }

  /** Plain data: its accessors only read. */
  public record Model(String id, int tokens) {}
}
