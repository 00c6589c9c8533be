package com.acme.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Cost per call of one {@link Target} method. bench/run.sh runs this class once per agent (no
 * agent, perf-agent, OpenTelemetry, Elastic), each time with that agent's {@code -javaagent} in
 * {@code -jvmArgsAppend}, and with {@code -prof gc} for the bytes allocated per call. The added
 * cost of an agent is its score minus the no-agent score of the same benchmark.
 *
 * <p>Under perf-agent, each fork also prints one {@code perf-agent-stats:} line with what the
 * recorder did during the measurement iterations (invocations, spans dropped because the buffer
 * was full, calls below min-duration), read by reflection from its public bootstrap counters:
 * a benchmark that mostly hit the drop path would time the wrong thing, and run.sh reports it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallCost {
  private Target target;
  private Request request;
  private String requestId;
  private StringBuilder prompt;
  private long x;

  private final RecorderProbe probe = RecorderProbe.find();
  private long[] before;
  private long xBefore;
  private long[] measured;
  private long measuredOps;

  @Setup
  public void setup() {
    target = new Target("returns-assistant");
    request = new Request("gpt-4o-mini", 1024, "customer-42");
    requestId = "req-7f3a9c";
    prompt = new StringBuilder();
    while (prompt.length() < 256) {
      prompt.append("The customer asks whether order 42 can still be returned. ");
    }
  }

  @Setup(Level.Iteration)
  public void beforeIteration() {
    if (probe != null) {
      before = probe.read();
      xBefore = x;
    }
  }

  @TearDown(Level.Iteration)
  public void afterIteration(IterationParams iteration) {
    if (probe == null || iteration.getType() != IterationType.MEASUREMENT) {
      return;
    }
    long[] after = probe.read();
    if (measured == null) {
      measured = new long[after.length];
    }
    for (int i = 0; i < after.length; i++) {
      measured[i] += after[i] - before[i];
    }
    measuredOps += x - xBefore; // every benchmark method advances x once per invocation
  }

  @TearDown(Level.Trial)
  public void report(BenchmarkParams params) {
    if (probe == null) {
      return;
    }
    StringBuilder line = new StringBuilder("perf-agent-stats: benchmark=").append(params.getBenchmark())
        .append(" invocations=").append(measuredOps);
    for (int i = 0; measured != null && i < measured.length; i++) {
      line.append(' ').append(probe.names[i].toLowerCase(java.util.Locale.ROOT)).append('=').append(measured[i]);
    }
    System.out.println(line);
  }

  /** The clock floor: two System.nanoTime() reads (what any timing agent must pay at least). */
  @Benchmark
  public long clockFloor() {
    return System.nanoTime() + System.nanoTime();
  }

  private com.openai.models.chat.completions.ChatCompletionCreateParams chatParams;
  private com.openai.models.chat.completions.ChatCompletion chatAnswer;

  @Setup
  public void setupChat() {
    chatParams = com.openai.models.chat.completions.ChatCompletionCreateParams.builder()
        .model(com.openai.models.ChatModel.GPT_4O_MINI).addUserMessage("Where is my order?")
        .maxCompletionTokens(200).temperature(0.2).build();
    chatAnswer = com.openai.models.chat.completions.ChatCompletion.builder()
        .id("chatcmpl-1").created(1700000000L).model("gpt-4o-mini-2024-07-18")
        .addChoice(com.openai.models.chat.completions.ChatCompletion.Choice.builder()
            .index(0).finishReason(com.openai.models.chat.completions.ChatCompletion.Choice.FinishReason.STOP)
            .logprobs((com.openai.models.chat.completions.ChatCompletion.Choice.Logprobs) null)
            .message(com.openai.models.chat.completions.ChatCompletionMessage.builder()
                .content("ok").refusal((String) null).build())
            .build())
        .usage(com.openai.models.completions.CompletionUsage.builder()
            .promptTokens(120).completionTokens(30).totalTokens(150)
            .promptTokensDetails(com.openai.models.completions.CompletionUsage.PromptTokensDetails.builder()
                .cachedTokens(100).build())
            .build())
        .build();
  }

  /** A call instrumented with the openai.chat preset's 11 captures on the SDK's real model objects. */
  @Benchmark
  public Object presetChat() {
    return target.chatCompletion(chatParams, chatAnswer);
  }

  /** As {@link #presetChat}, with the preset's message content captured too (content.capture: true). */
  @Benchmark
  public Object presetChatContent() {
    return target.chatCompletionWithContent(chatParams, chatAnswer);
  }

  @Benchmark
  public long baseline() {
    return target.plain(x++);
  }

  @Benchmark
  public long span0() {
    return target.span0(x++);
  }

  @Benchmark
  public long span2() {
    return target.span2(request, x++);
  }

  @Benchmark
  public long span5() {
    return target.span5(request, requestId, x++);
  }

  /** One op = three nested matched calls. */
  @Benchmark
  public long nested3() {
    return target.nestOuter(x++);
  }

  /** One op = three nested matched calls, the outermost capturing one attribute. */
  @Benchmark
  public long nested3Captured() {
    return target.capturedOuter(request, x++);
  }

  /** As {@link #nested3Captured}, the captured attribute flowing down to the two spans beneath (flow-down). */
  @Benchmark
  public long nested3Flowing() {
    return target.flowingOuter(request, x++);
  }

  /** An aggregate-mode call with no enclosing span. */
  @Benchmark
  public long aggregate() {
    return target.aggregated(x++);
  }

  /** One op = one aggregate-mode call inside a span (1/100 of the parent span's cost is included). */
  @Benchmark
  @OperationsPerInvocation(Target.AGGREGATE_BATCH)
  public long aggregateInSpan() {
    return target.aggregateParent(x++);
  }

  /** A span that ends when the returned (already completed) future completes. */
  @Benchmark
  public long asyncSpan() {
    return target.async(x++).join();
  }

  /** One op = a span and its child, which runs through CompletableFuture.supplyAsync. */
  @Benchmark
  public long executorHop() {
    return target.crossing(x++);
  }

  /** A span capturing a 256-char StringBuilder, frozen into a String at the call. */
  @Benchmark
  public long frozenText() {
    return target.frozenText(prompt, x++);
  }

  /** A span-mode call shorter than its min-duration (1 ms): timed, but makes no span. */
  @Benchmark
  public long belowMinDuration() {
    return target.quick(x++);
  }
}
