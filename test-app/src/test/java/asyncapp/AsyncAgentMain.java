package asyncapp;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small agent loop whose work crosses threads the way real LLM applications do: the model call is
 * asynchronous (a {@code CompletableFuture} completed on another thread), tools run on an executor,
 * through {@code CompletableFuture.supplyAsync}, on a scheduler and (on JDK 21+) on virtual threads.
 * Prints what it did as a {@code counters:} line for the end-to-end test.
 */
public final class AsyncAgentMain {
  static final AtomicInteger TOOL_RUNS = new AtomicInteger();

  public static void main(String[] args) throws Exception {
    int turns = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    ScheduledExecutorService provider = Executors.newScheduledThreadPool(2, named("provider"));
    ExecutorService tools = Executors.newFixedThreadPool(2, named("tools"));
    ExecutorService virtualThreads = virtualThreadsIfAvailable();
    AsyncLlm llm = new AsyncLlm("gpt-async", provider);
    AsyncAgent agent = new AsyncAgent(llm, tools, provider, virtualThreads);
    int failures = 0;
    for (int i = 0; i < turns; i++) {
      try {
        agent.run("turn " + i, i == turns - 1);
      } catch (Exception e) {
        failures++;
      }
    }
    // a call still waiting for its answer when the process exits: its span must not be lost
    llm.chat("left open", AsyncLlm.NEVER_ANSWERS);
    tools.shutdown();
    tools.awaitTermination(10, TimeUnit.SECONDS);
    if (virtualThreads != null) {
      virtualThreads.shutdown();
      virtualThreads.awaitTermination(10, TimeUnit.SECONDS);
    }
    provider.shutdownNow();
    System.out.println("counters: turns=" + turns + " llm.calls=" + llm.calls() + " llm.failures=" + failures
        + " llm.streams=" + llm.streams() + " llm.streams.closed=" + llm.closedStreams()
        + " tool.runs=" + TOOL_RUNS.get() + " virtual=" + (virtualThreads != null));
  }

  private static ExecutorService virtualThreadsIfAvailable() {
    try {
      Method m = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) m.invoke(null);
    } catch (ReflectiveOperationException e) {
      return null; // JDK 17
    }
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** One turn: ask the model (async), then run the tools it asked for on other threads. */
  static final class AsyncAgent {
    private final AsyncLlm llm;
    private final ExecutorService tools;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService virtualThreads;

    AsyncAgent(AsyncLlm llm, ExecutorService tools, ScheduledExecutorService scheduler, ExecutorService virtualThreads) {
      this.llm = llm;
      this.tools = tools;
      this.scheduler = scheduler;
      this.virtualThreads = virtualThreads;
    }

    public String run(String prompt, boolean failing) throws Exception {
      Reply reply = llm.chat(prompt, failing ? AsyncLlm.FAILS : AsyncLlm.ANSWERS).get(10, TimeUnit.SECONDS);
      List<Future<String>> results = new ArrayList<>();
      results.add(tools.submit(() -> new Tool("lookup_order").run(reply.getModel())));
      results.add(CompletableFuture.supplyAsync(() -> new Tool("check_policy").run(prompt), tools));
      results.add(scheduler.schedule(() -> new Tool("send_email").run(prompt), 5, TimeUnit.MILLISECONDS));
      CompletableFuture<String> executed = new CompletableFuture<>();
      tools.execute(() -> executed.complete(new Tool("create_rma").run(prompt)));
      results.add(executed);
      if (virtualThreads != null) {
        results.add(virtualThreads.submit(() -> new Tool("label_service").run(prompt)));
      }
      StringBuilder out = new StringBuilder();
      for (Future<String> r : results) {
        out.append(r.get(10, TimeUnit.SECONDS));
      }
      try (ChunkStream answer = llm.stream(prompt)) { // the final answer, streamed
        answer.chunks().forEach(out::append);
      }
      return out.toString();
    }
  }
}
