package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Spans that end when the callback their call was given ends ({@code end: callback}). */
@Timeout(60)
class CallbackSpanTest {
  private static final ValueReader ARG = new ValueReader(ValueReader.ARG_A, new String[0]);
  private static final ValueReader RESULT = new ValueReader(ValueReader.RETURN, new String[0]);
  private static final ValueReader CHUNK = new ValueReader(ValueReader.CHUNK, new String[0]);

  private InstalledRecorder recorder;

  /** A streaming handler as LangChain4j declares one. */
  public interface Handler {
    void onPartialResponse(String text);

    void onCompleteToolCall(String call);

    void onCompleteResponse(String response);

    void onError(Throwable error);
  }

  /** What the application's handler was told. */
  static final class Recording implements Handler {
    final List<String> told = new ArrayList<>();

    @Override public void onPartialResponse(String text) { told.add("partial " + text); }
    @Override public void onCompleteToolCall(String call) { told.add("tool " + call); }
    @Override public void onCompleteResponse(String response) { told.add("complete " + response); }
    @Override public void onError(Throwable error) { told.add("error " + error.getMessage()); }
  }

  @BeforeEach
  void install() {
    recorder = new InstalledRecorder(
        new PointcutPlan(new ValueReader[] {ARG, RESULT, CHUNK}, 0, PointcutPlan.END_ON_CALLBACK, -1));
  }

  @AfterEach
  void uninstall() {
    InstalledRecorder.uninstall();
  }

  private List<SpanModelTest.Span> drain() {
    return recorder.drain();
  }

  private static Handler call(Frame frame, Recording app) {
    Handler given = (Handler) Recorder.followCallback(frame, app, Handler.class);
    assertNotSame(app, given, "the method receives a stand-in");
    return given;
  }

  @Test
  void theSpanEndsWhenTheCallbackCompletesOnAnotherThreadAfterTheCallReturned() throws Exception {
    Recording app = new Recording();
    Frame frame = Recorder.enter(0);
    Handler given = call(frame, app);
    Recorder.exitCallback(frame, null, "request", null, null, null);
    assertEquals(0, drain().size(), "the call returned, the work goes on");
    Thread worker = new Thread(() -> {
      given.onPartialResponse("Hel");
      given.onCompleteToolCall("lookup");
      given.onPartialResponse("lo");
      given.onCompleteResponse("Hello");
    });
    worker.start();
    worker.join();
    assertEquals(List.of("partial Hel", "tool lookup", "partial lo", "complete Hello"), app.told);
    List<SpanModelTest.Span> spans = drain();
    assertEquals(1, spans.size(), "a tool call's completion does not end the span");
    SpanModelTest.Span span = spans.get(0);
    assertEquals(SpanRecord.END_COMPLETED, span.endReason);
    assertEquals("request", span.value0);
    assertEquals("Hello", span.value1, "return is the value the completion received");
    assertEquals(2, span.items, "two partial responses");
    assertTrue(span.firstItem >= span.start && span.end >= span.firstItem);
  }

  @Test
  void aCallbackCompletedBeforeTheCallReturnsIsWrittenAtTheReturnWithItsOwnEnd() {
    Recording app = new Recording();
    Frame frame = Recorder.enter(0);
    Handler given = call(frame, app);
    given.onPartialResponse("x");
    given.onCompleteResponse("done");
    assertEquals(0, drain().size(), "the call's own values are not read yet");
    long beforeReturn = System.nanoTime();
    Recorder.exitCallback(frame, null, "request", null, null, null);
    List<SpanModelTest.Span> spans = drain();
    assertEquals(1, spans.size());
    assertEquals("request", spans.get(0).value0);
    assertEquals("done", spans.get(0).value1);
    assertEquals(1, spans.get(0).items);
    assertTrue(spans.get(0).end <= beforeReturn, "the span ended when the callback completed");
  }

  @Test
  void anErrorToldToTheCallbackEndsTheSpanWithIt() {
    Frame frame = Recorder.enter(0);
    Handler given = call(frame, new Recording());
    Recorder.exitCallback(frame, null, "request", null, null, null);
    given.onError(new IllegalStateException("429 Too Many Requests"));
    List<SpanModelTest.Span> spans = drain();
    assertEquals(1, spans.size());
    assertEquals(IllegalStateException.class.getName(), spans.get(0).error.type());
    assertNull(spans.get(0).value1);
    given.onCompleteResponse("late");
    assertEquals(0, drain().size(), "one end wins");
  }

  @Test
  void aCallThatThrowsIsRecordedFromItsFrameAndItsCallbackEndsNothingMore() {
    Frame frame = Recorder.enter(0);
    Handler given = call(frame, new Recording());
    Recorder.exitCallback(frame, null, "request", null, null, new IllegalArgumentException("bad request"));
    given.onError(new IllegalArgumentException("bad request"));
    List<SpanModelTest.Span> spans = drain();
    assertEquals(1, spans.size());
    assertEquals(SpanRecord.END_RETURNED, spans.get(0).endReason);
    assertEquals(IllegalArgumentException.class.getName(), spans.get(0).error.type());
    assertEquals(-1, spans.get(0).items);
  }

  @Test
  void aCallThatThrowsAfterItsCallbackCompletedMakesTheSpanAnErrorSpanWithTheCallbacksEnd() {
    Frame frame = Recorder.enter(0);
    Handler given = call(frame, new Recording());
    given.onPartialResponse("x");
    given.onCompleteResponse("done");
    long completed = System.nanoTime();
    Recorder.exitCallback(frame, null, "request", null, null, new IllegalStateException("handler failed"));
    List<SpanModelTest.Span> spans = drain();
    assertEquals(1, spans.size(), "one span, not one for the callback and one for the throw");
    SpanModelTest.Span span = spans.get(0);
    assertEquals(IllegalStateException.class.getName(), span.error.type(), "the application saw the call fail");
    assertEquals(SpanRecord.END_COMPLETED, span.endReason);
    assertTrue(span.end <= completed, "the span ended when the callback completed");
    assertEquals("request", span.value0);
    assertEquals("done", span.value1);
    assertEquals(1, span.items);
  }

  @Test
  void anErrorToldToTheCallbackWinsOverTheExceptionTheCallThrowsAfterIt() {
    Frame frame = Recorder.enter(0);
    Handler given = call(frame, new Recording());
    given.onError(new IllegalArgumentException("429 Too Many Requests"));
    Recorder.exitCallback(frame, null, "request", null, null, new IllegalStateException("rethrown"));
    List<SpanModelTest.Span> spans = drain();
    assertEquals(1, spans.size());
    assertEquals(IllegalArgumentException.class.getName(), spans.get(0).error.type(), "the first error");
  }

  @Test
  void noCallbackOrACallbackTypeThatIsNotAnInterfaceLeavesTheArgumentAlone() {
    Frame frame = Recorder.enter(0);
    assertNull(Recorder.followCallback(frame, null, Handler.class));
    Recorder.exitCallback(frame, null, "request", null, null, null);
    assertEquals(SpanRecord.END_RETURNED, drain().get(0).endReason, "the span ends at exit");
    Frame next = Recorder.enter(0);
    Object plain = new Object();
    assertSame(plain, Recorder.followCallback(next, plain, Object.class));
    Recorder.exitCallback(next, null, "request", null, null, null);
    assertEquals(1, drain().size());
  }
}
