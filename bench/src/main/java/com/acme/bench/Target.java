package com.acme.bench;

import java.util.concurrent.CompletableFuture;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The methods the agents instrument (see bench/config/jmh.yaml and the method lists in
 * bench/run.sh). Each body is a few arithmetic instructions on its argument and returns a value the
 * benchmark consumes, so the JIT cannot remove the call; none is inlined into its caller, so every
 * variant (with or without an agent) pays the same plain call and the difference is the agent's.
 */
public final class Target {
  /** Calls of {@link #aggregated} per {@link #aggregateParent} call. */
  public static final int AGGREGATE_BATCH = 100;

  private final String name;

  public Target(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  /**
   * Shaped like openai-java's {@code ChatCompletionServiceImpl.create}: instrumented with the
   * {@code openai.chat} preset's captures (bench/config/jmh.yaml), which read the SDK's real model
   * objects; returns a completion built once, so the call itself costs nothing.
   */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public com.openai.models.chat.completions.ChatCompletion chatCompletion(
      com.openai.models.chat.completions.ChatCompletionCreateParams params,
      com.openai.models.chat.completions.ChatCompletion answer) {
    return answer;
  }

  /** As {@link #chatCompletion}, instrumented with the preset's captures and its message content. */
  public com.openai.models.chat.completions.ChatCompletion chatCompletionWithContent(
      com.openai.models.chat.completions.ChatCompletionCreateParams params,
      com.openai.models.chat.completions.ChatCompletion answer) {
    return answer;
  }

  /** Instrumented by no agent: the baseline. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long plain(long x) {
    return mix(x);
  }

  /** Span mode, no captured attribute. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long span0(long x) {
    return mix(x);
  }

  /** Span mode, 2 captured attributes: {@code arg0.model}, {@code arg0.maxTokens}. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long span2(Request request, long x) {
    return mix(x) + request.hashCode();
  }

  /**
   * Span mode, 5 captured attributes: {@code arg0.model}, {@code arg0.maxTokens}, {@code arg0.user},
   * {@code arg1}, {@code this.name}.
   */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long span5(Request request, String requestId, long x) {
    return mix(x) + request.hashCode() + requestId.length();
  }

  /** Three matched calls nested: nestOuter -> nestMiddle -> nestInner (span mode each). */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long nestOuter(long x) {
    return nestMiddle(x) + 1;
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long nestMiddle(long x) {
    return nestInner(x) + 1;
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long nestInner(long x) {
    return mix(x);
  }

  /**
   * Span mode capturing {@code arg0.user}, over {@link #nestMiddle} and {@link #nestInner}: three
   * spans, as {@link #nestOuter}, with one captured attribute on the outermost.
   */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long capturedOuter(Request request, long x) {
    return nestMiddle(x) + request.hashCode();
  }

  /** As {@link #capturedOuter}, and the captured {@code arg0.user} flows down to the two spans beneath. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long flowingOuter(Request request, long x) {
    return nestMiddle(x) + request.hashCode();
  }

  /** Aggregate mode (perf-agent); a plain traced method for the agents that have no such mode. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long aggregated(long x) {
    return mix(x);
  }

  /** Span mode; calls {@link #aggregated} {@link #AGGREGATE_BATCH} times, so they have a parent span. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long aggregateParent(long x) {
    long sum = 0;
    for (int i = 0; i < AGGREGATE_BATCH; i++) {
      sum += aggregated(x + i);
    }
    return sum;
  }

  /** Span mode with {@code min-duration: 1ms}: every call is shorter, so none makes a span. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long quick(long x) {
    return mix(x);
  }

  /**
   * Span mode, and the span ends when the returned future completes ({@code end: auto}); the future
   * is complete already, so this times the path of a span that outlives its call.
   */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public CompletableFuture<Long> async(long x) {
    return CompletableFuture.completedFuture(mix(x));
  }

  /**
   * Span mode; hands {@link #span0} to {@code CompletableFuture.supplyAsync} on an executor that
   * runs it at once on this thread, so the context crosses an executor without a thread switch to
   * time: two spans, the inner one the child of this one.
   */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long crossing(long x) {
    return CompletableFuture.supplyAsync(() -> span0(x), Runnable::run).join();
  }

  /** Span mode, capturing {@code arg0}, a mutable text frozen into a String at the call. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public long frozenText(StringBuilder prompt, long x) {
    return mix(x) + prompt.length();
  }

  private static long mix(long x) {
    long h = x * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
