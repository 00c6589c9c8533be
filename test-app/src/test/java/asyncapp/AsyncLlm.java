package asyncapp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LLM client with an asynchronous API: the answer arrives on a provider thread about
 * {@link #LATENCY_MILLIS} after the call returned. {@code chat(prompt)} delegates to
 * {@code chat(prompt, behaviour)}, as SDK overloads do.
 */
public final class AsyncLlm {
  static final long LATENCY_MILLIS = 40;
  static final int ANSWERS = 0;
  static final int FAILS = 1;
  static final int NEVER_ANSWERS = 2;

  private final String model;
  private final ScheduledExecutorService provider;
  private final AtomicInteger calls = new AtomicInteger();

  AsyncLlm(String model, ScheduledExecutorService provider) {
    this.model = model;
    this.provider = provider;
  }

  public String getModel() {
    return model;
  }

  public CompletableFuture<Reply> chat(String prompt) {
    return chat(prompt, ANSWERS);
  }

  public CompletableFuture<Reply> chat(String prompt, int behaviour) {
    calls.incrementAndGet();
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    if (behaviour == NEVER_ANSWERS) {
      return reply;
    }
    provider.schedule(
        () -> {
          if (behaviour == FAILS) {
            reply.completeExceptionally(new IllegalStateException("429 rate limited"));
          } else {
            reply.complete(new Reply(model + "-2026-01-01", prompt.length() * 3, 17));
          }
        },
        LATENCY_MILLIS, TimeUnit.MILLISECONDS);
    return reply;
  }

  int calls() {
    return calls.get();
  }
}
