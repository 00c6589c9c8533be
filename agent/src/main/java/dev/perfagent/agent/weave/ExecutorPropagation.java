package dev.perfagent.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import dev.perfagent.bootstrap.Propagation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The JDK methods woven so that work submitted from inside a span runs as its child: each takes a
 * task (a {@code Runnable}, {@code Callable}, {@code Supplier}, {@code Function}, …) that
 * {@link PropagationAdvice} wraps with the submitting thread's span context. Only these classes of
 * the JDK are woven for it, and only when propagation is on. Where the wrapper is stored matters:
 * wherever possible it is a task the JDK keeps to itself (inside the {@code FutureTask} that
 * {@code submit} makes, inside a {@code CompletableFuture}'s task, inside a virtual thread).
 */
final class ExecutorPropagation {
  /** Task parameter types, each with the kind {@link Propagation#wrap(Object, int)} takes. */
  private static final Map<String, Integer> TASK_TYPES = new LinkedHashMap<>();

  static {
    TASK_TYPES.put(Runnable.class.getName(), Propagation.RUNNABLE);
    TASK_TYPES.put(Callable.class.getName(), Propagation.CALLABLE);
    TASK_TYPES.put(Supplier.class.getName(), Propagation.SUPPLIER);
    TASK_TYPES.put(Function.class.getName(), Propagation.FUNCTION);
    TASK_TYPES.put(Consumer.class.getName(), Propagation.CONSUMER);
    TASK_TYPES.put(BiFunction.class.getName(), Propagation.BI_FUNCTION);
    TASK_TYPES.put(BiConsumer.class.getName(), Propagation.BI_CONSUMER);
  }

  /** Class name to the methods of it that take a task; see the class comment for why these. */
  private static final Map<String, ElementMatcher.Junction<MethodDescription>> METHODS = new LinkedHashMap<>();

  static {
    // submit, invokeAll, invokeAny of every AbstractExecutorService that does not override them
    METHODS.put("java.util.concurrent.AbstractExecutorService", named("newTaskFor"));
    // execute(Runnable) of a raw task (a FutureTask from submit already carries the context)
    METHODS.put("java.util.concurrent.ThreadPoolExecutor", named("execute"));
    // schedule*, and submit/execute, which schedule
    METHODS.put("java.util.concurrent.ScheduledThreadPoolExecutor",
        namedOneOf("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay"));
    METHODS.put("java.util.concurrent.ForkJoinPool",
        namedOneOf("execute", "submit", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay"));
    // supplyAsync, runAsync, thenApplyAsync, …: the function, wrapped when the stage is made
    METHODS.put("java.util.concurrent.CompletableFuture", nameEndsWith("Async"));
    // every virtual thread (JDK 21+): Thread.ofVirtual(), virtual thread factories and executors
    METHODS.put("java.lang.ThreadBuilders", named("newVirtualThread"));
  }

  private ExecutorPropagation() {}

  /** The names of the JDK classes woven for propagation. */
  static Set<String> classNames() {
    return Collections.unmodifiableSet(METHODS.keySet());
  }

  /** Adds the propagation rules to {@code agent}. */
  static AgentBuilder install(AgentBuilder agent) {
    AgentBuilder result = agent;
    for (Map.Entry<String, ElementMatcher.Junction<MethodDescription>> e : METHODS.entrySet()) {
      ElementMatcher.Junction<MethodDescription> methods =
          isMethod().and(not(isAbstract())).and(not(isBridge())).and(e.getValue()).and(takesTask());
      result =
          result
              .type(named(e.getKey()))
              .transform(
                  new PreparedAdvice(
                          Advice.withCustomMapping()
                              .bind(TaskArgument.class, new TaskMapping(false))
                              .bind(TaskKind.class, new TaskMapping(true)))
                      .advice(methods, PropagationAdvice.class.getName()));
    }
    return result;
  }

  private static ElementMatcher.Junction<MethodDescription> takesTask() {
    return new ElementMatcher.Junction.AbstractBase<MethodDescription>() {
      @Override
      public boolean matches(MethodDescription method) {
        return taskParameter(method) != null;
      }
    };
  }

  /** The first parameter of {@code method} whose type is a task type, or null. */
  static ParameterDescription taskParameter(MethodDescription method) {
    for (ParameterDescription p : method.getParameters()) {
      if (TASK_TYPES.containsKey(p.getType().asErasure().getName())) {
        return p;
      }
    }
    return null;
  }

  /** The kind of task {@code method} takes, as {@link Propagation#wrap(Object, int)} wants it. */
  static int kind(MethodDescription method) {
    ParameterDescription task = taskParameter(method);
    int kind = TASK_TYPES.get(task.getType().asErasure().getName());
    boolean executeSite = method.getName().equals("execute");
    return kind == Propagation.RUNNABLE && executeSite ? Propagation.EXECUTED_RUNNABLE : kind;
  }

  /** Binds {@link TaskArgument} (writable) or {@link TaskKind} (a constant) per woven method. */
  private static final class TaskMapping implements Advice.OffsetMapping {
    private static final TypeDescription.Generic OBJECT =
        TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class);
    private final boolean kind;

    TaskMapping(boolean kind) {
      this.kind = kind;
    }

    @Override
    public Target resolve(
        TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
        Advice.ArgumentHandler argumentHandler, Sort sort) {
      if (kind) {
        return new Target.ForStackManipulation(IntegerConstant.forValue(kind(instrumentedMethod)));
      }
      int index = taskParameter(instrumentedMethod).getIndex();
      return new Advice.OffsetMapping.ForArgument.Unresolved(OBJECT, false, Assigner.Typing.DYNAMIC, index, false)
          .resolve(instrumentedType, instrumentedMethod, assigner, argumentHandler, sort);
    }
  }
}
