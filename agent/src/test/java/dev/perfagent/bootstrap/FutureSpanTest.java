package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.bootstrap.SpanModelTest.Answer;
import dev.perfagent.bootstrap.SpanModelTest.RawResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Spans that follow a {@code CompletableFuture} ({@code end: close} on a method returning one, as the
 * SDKs' async {@code withRawResponse()} calls do): the value it completes with is followed.
 */
@Timeout(60)
class FutureSpanTest {
  private static final ValueReader ARG = new ValueReader(ValueReader.ARG_A, new String[0]);
  private static final ValueReader RESULT_MODEL = new ValueReader(ValueReader.RETURN, new String[] {"model"});

  private InstalledRecorder recorder;

  @BeforeEach
  void install() {
    recorder = new InstalledRecorder(
        new PointcutPlan(new ValueReader[] {ARG, RESULT_MODEL}, 0, PointcutPlan.END_ON_CLOSE, -1));
  }

  @AfterEach
  void uninstall() {
    InstalledRecorder.uninstall();
  }

  @SuppressWarnings("unchecked")
  private static <T> CompletableFuture<T> followed(CompletableFuture<T> future) {
    Object returned = Recorder.exitFollowing(
        Recorder.enter(0), null, "request", null, null, future, null, CompletableFuture.class);
    assertNotSame(future, returned, "the caller gets a future that follows the original");
    return (CompletableFuture<T>) returned;
  }

  @Test
  void aRawResponseTheFutureCompletesWithIsFollowedUntilParsed() throws Exception {
    CompletableFuture<RawResponse<Answer>> original = new CompletableFuture<>();
    CompletableFuture<RawResponse<Answer>> future = followed(original);
    List<String> closed = new ArrayList<>();
    Thread completer = new Thread(() -> original.complete(SpanModelTest.raw(new Answer("gpt-4o-mini"), closed)));
    completer.start();
    completer.join();
    assertEquals(0, recorder.drain().size(), "the response is not parsed yet");
    try (RawResponse<Answer> raw = future.get()) {
      assertEquals(200, raw.statusCode());
      assertEquals("gpt-4o-mini", raw.parse().model());
    }
    assertEquals(List.of("closed"), closed, "the application's close still runs");
    List<SpanModelTest.Span> spans = recorder.drain();
    assertEquals(1, spans.size(), "parse ended it, close adds nothing");
    assertEquals(SpanRecord.END_COMPLETED, spans.get(0).endReason);
    assertEquals("request", spans.get(0).value0);
    assertEquals("gpt-4o-mini", spans.get(0).value1, "return is what parse() gave");
    assertEquals(0, Recorder.state().pending().size());
  }

  @Test
  void aFutureCompletedBeforeTheCallReturnedAndAPlainValueEndTheSpanWithIt() throws Exception {
    Answer answer = new Answer("gpt-4o");
    CompletableFuture<Answer> future = followed(CompletableFuture.completedFuture(answer));
    assertSame(answer, future.getNow(null), "a value that is no response is handed as it is");
    List<SpanModelTest.Span> spans = recorder.drain();
    assertEquals(1, spans.size());
    assertEquals("gpt-4o", spans.get(0).value1);
    assertEquals(0, Recorder.state().pending().size(), "nothing left waiting");
  }

  @Test
  void aFailedFutureFailsTheCallersWithTheSameExceptionAndMakesAnErrorSpan() {
    CompletableFuture<Answer> original = new CompletableFuture<>();
    CompletableFuture<Answer> future = followed(original);
    IllegalStateException rateLimited = new IllegalStateException("429");
    original.completeExceptionally(rateLimited);
    CompletionException joined = assertThrows(CompletionException.class, future::join);
    assertSame(rateLimited, joined.getCause());
    ExecutionException got = assertThrows(ExecutionException.class, future::get);
    assertSame(rateLimited, got.getCause());
    List<SpanModelTest.Span> spans = recorder.drain();
    assertEquals(1, spans.size());
    assertEquals(IllegalStateException.class.getName(), spans.get(0).error.type());
    assertNull(spans.get(0).value1);
  }

  @Test
  void cancellingTheCallersFutureCancelsTheOriginal() {
    CompletableFuture<Answer> original = new CompletableFuture<>();
    CompletableFuture<Answer> future = followed(original);
    assertTrue(future.cancel(true));
    assertTrue(original.isCancelled(), "the SDK's future, and so its request, is cancelled too");
    assertEquals(1, recorder.drain().size(), "the span ends with the cancellation");
  }
}
