package dev.perfagent.agent.weave;

import dev.perfagent.bootstrap.Propagation;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.objectweb.asm.Type;

/**
 * The JDK methods woven so that work submitted from inside a span runs as its child: each takes a
 * task (a {@code Runnable}, {@code Callable}, {@code Supplier}, {@code Function}, …) that
 * {@link PropagationWeaving} wraps with the submitting thread's span context. Only these classes of
 * the JDK are woven for it, and only when propagation is on. Where the wrapper is stored matters:
 * wherever possible it is a task the JDK keeps to itself (inside the {@code FutureTask} that
 * {@code submit} makes, inside a {@code CompletableFuture}'s task, inside a virtual thread).
 */
final class ExecutorPropagation {
  /** Task parameter types (descriptors), each with the kind {@link Propagation#wrap(Object, int)} takes. */
  private static final Map<String, Integer> TASK_TYPES = new HashMap<>();

  static {
    TASK_TYPES.put(Type.getDescriptor(Runnable.class), Propagation.RUNNABLE);
    TASK_TYPES.put(Type.getDescriptor(Callable.class), Propagation.CALLABLE);
    TASK_TYPES.put(Type.getDescriptor(Supplier.class), Propagation.SUPPLIER);
    TASK_TYPES.put(Type.getDescriptor(Function.class), Propagation.FUNCTION);
    TASK_TYPES.put(Type.getDescriptor(Consumer.class), Propagation.CONSUMER);
    TASK_TYPES.put(Type.getDescriptor(BiFunction.class), Propagation.BI_FUNCTION);
    TASK_TYPES.put(Type.getDescriptor(BiConsumer.class), Propagation.BI_CONSUMER);
  }

  /** Class name to the names of its methods that take a task; see the class comment for why these. */
  private static final Map<String, Predicate<String>> METHODS = new LinkedHashMap<>();

  static {
    // submit, invokeAll, invokeAny of every AbstractExecutorService that does not override them
    METHODS.put("java.util.concurrent.AbstractExecutorService", "newTaskFor"::equals);
    // execute(Runnable) of a raw task (a FutureTask from submit already carries the context)
    METHODS.put("java.util.concurrent.ThreadPoolExecutor", "execute"::equals);
    // schedule*, and submit/execute, which schedule
    METHODS.put("java.util.concurrent.ScheduledThreadPoolExecutor",
        Set.of("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay")::contains);
    METHODS.put("java.util.concurrent.ForkJoinPool",
        Set.of("execute", "submit", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay")::contains);
    // supplyAsync, runAsync, thenApplyAsync, …: the function, wrapped when the stage is made
    METHODS.put("java.util.concurrent.CompletableFuture", name -> name.endsWith("Async"));
    // every virtual thread (JDK 21+): Thread.ofVirtual(), virtual thread factories and executors
    METHODS.put("java.lang.ThreadBuilders", "newVirtualThread"::equals);
  }

  private ExecutorPropagation() {}

  /** The names of the JDK classes woven for propagation. */
  static Set<String> classNames() {
    return Collections.unmodifiableSet(METHODS.keySet());
  }

  /** Whether {@code method} of class {@code className} (binary name) is woven, if it takes a task. */
  static boolean named(String className, String method) {
    Predicate<String> names = METHODS.get(className);
    return names != null && names.test(method);
  }

  /** The index among {@code arguments} of the first task parameter, or -1. */
  static int taskParameter(Type[] arguments) {
    for (int i = 0; i < arguments.length; i++) {
      if (TASK_TYPES.containsKey(arguments[i].getDescriptor())) {
        return i;
      }
    }
    return -1;
  }

  /** The kind of task {@code method} takes as its parameter of type {@code task}, as {@link Propagation#wrap(Object, int)} wants it. */
  static int kind(String method, Type task) {
    int kind = TASK_TYPES.get(task.getDescriptor());
    return kind == Propagation.RUNNABLE && method.equals("execute") ? Propagation.EXECUTED_RUNNABLE : kind;
  }
}
