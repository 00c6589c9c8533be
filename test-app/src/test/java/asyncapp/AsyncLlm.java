package asyncapp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
  static final int CHUNKS = 5;
  static final long FIRST_CHUNK_MILLIS = 30;
  static final long CHUNK_GAP_MILLIS = 5;

  private final String model;
  private final ScheduledExecutorService provider;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger streams = new AtomicInteger();
  private final AtomicInteger closedStreams = new AtomicInteger();

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

  /**
   * Streams an answer of {@link #CHUNKS} chunks: the first after {@link #FIRST_CHUNK_MILLIS}, the
   * others {@link #CHUNK_GAP_MILLIS} apart, each produced only when the caller reads it.
   */
  public ChunkStream stream(String prompt) {
    streams.incrementAndGet();
    return new ChunkStream() {
      @Override
      public Stream<String> chunks() {
        return IntStream.range(0, CHUNKS).mapToObj(i -> {
          sleep(i == 0 ? FIRST_CHUNK_MILLIS : CHUNK_GAP_MILLIS);
          return "chunk" + i + " of " + prompt;
        });
      }

      @Override
      public void close() {
        closedStreams.incrementAndGet();
      }
    };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  int streams() {
    return streams.get();
  }

  int closedStreams() {
    return closedStreams.get();
  }

  int calls() {
    return calls.get();
  }
}
