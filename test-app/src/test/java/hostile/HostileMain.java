package hostile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An application that is hard on an agent: values whose toString throws an Error or recurses without
 * end, a list that contains itself, an exception whose getMessage throws, recursion caught as a
 * StackOverflowError, and ordinary work through the JDK (maps, string building, thread locals). Its
 * output depends only on what it computed, so a run with the agent must print exactly what a run
 * without it prints.
 */
public final class HostileMain {
  private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(StringBuilder::new);

  public static void main(String[] args) {
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
    System.out.println("done");
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
}
