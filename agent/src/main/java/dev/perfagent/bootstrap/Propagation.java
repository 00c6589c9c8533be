package dev.perfagent.bootstrap;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Carries the current span's context along with work handed to another thread. Woven into the JDK's
 * executors at submission: when a span is open on the submitting thread, the task is wrapped so
 * that, wherever it runs, the spans it makes are children of that span. With no span open the task
 * is returned as it is. Never throws.
 */
public final class Propagation {
  /** What {@link #wrap(Object, int)} takes its task as, by the type of the parameter it came in. */
  public static final int RUNNABLE = 0;
  public static final int CALLABLE = 1;
  public static final int SUPPLIER = 2;
  public static final int FUNCTION = 3;
  public static final int CONSUMER = 4;
  public static final int BI_FUNCTION = 5;
  public static final int BI_CONSUMER = 6;
  /**
   * A runnable handed to an executor's {@code execute}: left as it is when it is a {@code Future}
   * (a task that {@code submit} or a {@code CompletableFuture} made, which carries its context
   * inside already), so that the executor's queue keeps the application's own task.
   */
  public static final int EXECUTED_RUNNABLE = 7;

  private Propagation() {}

  /**
   * {@code task} wrapped as the parameter type {@code kind} says, when a span is open; else
   * {@code task} itself. Called by woven JDK code; never throws.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Object wrap(Object task, int kind) {
    try {
      switch (kind) {
        case RUNNABLE: return wrap((Runnable) task);
        case CALLABLE: return wrap((Callable) task);
        case SUPPLIER: return wrap((Supplier) task);
        case FUNCTION: return wrap((Function) task);
        case CONSUMER: return wrap((Consumer) task);
        case BI_FUNCTION: return wrap((BiFunction) task);
        case BI_CONSUMER: return wrap((BiConsumer) task);
        case EXECUTED_RUNNABLE: return task instanceof Future ? task : wrap((Runnable) task);
        default: return task;
      }
    } catch (Throwable t) {
      Recorder.state().stats().internalErrors.increment();
      return task;
    }
  }

  public static Runnable wrap(Runnable task) {
    TraceContext context = capture(task);
    return context == null ? task : new ContextRunnable(context, task);
  }

  public static <T> Callable<T> wrap(Callable<T> task) {
    TraceContext context = capture(task);
    return context == null ? task : new ContextCallable<>(context, task);
  }

  public static <T> Supplier<T> wrap(Supplier<T> task) {
    TraceContext context = capture(task);
    return context == null ? task : new ContextSupplier<>(context, task);
  }

  public static <T, R> Function<T, R> wrap(Function<T, R> task) {
    TraceContext context = capture(task);
    return context == null ? task : new ContextFunction<>(context, task);
  }

  public static <T> Consumer<T> wrap(Consumer<T> task) {
    TraceContext context = capture(task);
    return context == null ? task : new ContextConsumer<>(context, task);
  }

  public static <T, U, R> BiFunction<T, U, R> wrap(BiFunction<T, U, R> task) {
    TraceContext context = capture(task);
    return context == null ? task : new ContextBiFunction<>(context, task);
  }

  public static <T, U> BiConsumer<T, U> wrap(BiConsumer<T, U> task) {
    TraceContext context = capture(task);
    return context == null ? task : new ContextBiConsumer<>(context, task);
  }

  /** The context to hand over with {@code task}, or null when there is none (or it has one). */
  private static TraceContext capture(Object task) {
    if (task == null || task instanceof ContextTask) {
      return null;
    }
    try {
      return ThreadState.current().context();
    } catch (Throwable t) {
      Recorder.state().stats().internalErrors.increment();
      return null;
    }
  }

  /** A task carrying the context it was submitted in; runs the task as a child of that context. */
  abstract static class ContextTask {
    private final TraceContext context;

    ContextTask(TraceContext context) {
      this.context = context;
    }

    /** The task starts to run: its calls are children of its context. */
    final ThreadState enter() {
      ThreadState thread = ThreadState.current();
      thread.adopt(context);
      return thread;
    }
  }

  static final class ContextRunnable extends ContextTask implements Runnable {
    private final Runnable task;

    ContextRunnable(TraceContext context, Runnable task) {
      super(context);
      this.task = task;
    }

    @Override
    public void run() {
      ThreadState thread = enter();
      try {
        task.run();
      } finally {
        thread.leave();
      }
    }

    @Override
    public String toString() {
      return task.toString();
    }
  }

  static final class ContextCallable<T> extends ContextTask implements Callable<T> {
    private final Callable<T> task;

    ContextCallable(TraceContext context, Callable<T> task) {
      super(context);
      this.task = task;
    }

    @Override
    public T call() throws Exception {
      ThreadState thread = enter();
      try {
        return task.call();
      } finally {
        thread.leave();
      }
    }
  }

  static final class ContextSupplier<T> extends ContextTask implements Supplier<T> {
    private final Supplier<T> task;

    ContextSupplier(TraceContext context, Supplier<T> task) {
      super(context);
      this.task = task;
    }

    @Override
    public T get() {
      ThreadState thread = enter();
      try {
        return task.get();
      } finally {
        thread.leave();
      }
    }
  }

  static final class ContextFunction<T, R> extends ContextTask implements Function<T, R> {
    private final Function<T, R> task;

    ContextFunction(TraceContext context, Function<T, R> task) {
      super(context);
      this.task = task;
    }

    @Override
    public R apply(T t) {
      ThreadState thread = enter();
      try {
        return task.apply(t);
      } finally {
        thread.leave();
      }
    }
  }

  static final class ContextConsumer<T> extends ContextTask implements Consumer<T> {
    private final Consumer<T> task;

    ContextConsumer(TraceContext context, Consumer<T> task) {
      super(context);
      this.task = task;
    }

    @Override
    public void accept(T t) {
      ThreadState thread = enter();
      try {
        task.accept(t);
      } finally {
        thread.leave();
      }
    }
  }

  static final class ContextBiFunction<T, U, R> extends ContextTask implements BiFunction<T, U, R> {
    private final BiFunction<T, U, R> task;

    ContextBiFunction(TraceContext context, BiFunction<T, U, R> task) {
      super(context);
      this.task = task;
    }

    @Override
    public R apply(T t, U u) {
      ThreadState thread = enter();
      try {
        return task.apply(t, u);
      } finally {
        thread.leave();
      }
    }
  }

  static final class ContextBiConsumer<T, U> extends ContextTask implements BiConsumer<T, U> {
    private final BiConsumer<T, U> task;

    ContextBiConsumer(TraceContext context, BiConsumer<T, U> task) {
      super(context);
      this.task = task;
    }

    @Override
    public void accept(T t, U u) {
      ThreadState thread = enter();
      try {
        task.accept(t, u);
      } finally {
        thread.leave();
      }
    }
  }
}
