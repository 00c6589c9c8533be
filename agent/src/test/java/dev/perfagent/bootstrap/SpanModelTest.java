package dev.perfagent.bootstrap;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.agent.readonly.ReadOnlyGetters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.helpers.NOPLogger;

/** The span model: ids, frozen values, nesting groups, spans that end later, context across threads. */
@Timeout(60)
class SpanModelTest {
  private static final ValueReader ARG = new ValueReader(ValueReader.ARG_A, new String[0]);
  private static final ValueReader RESULT_MODEL = new ValueReader(ValueReader.RETURN, new String[] {"model"});

  private SpanRing ring;

  private void install(int ringSize, int valueLength, int listLength, PointcutPlan... plans) {
    ring = new SpanRing(ringSize, 2);
    Recorder.install(new RecorderState(ring, valueLength, listLength).withPlans(plans));
  }

  @AfterEach
  void uninstall() {
    Recorder.install(RecorderState.EMPTY);
  }

  private List<Span> drain() {
    List<Span> out = new ArrayList<>();
    ring.drain(r -> out.add(new Span(r)), 10_000);
    return out;
  }

  /** A copy of what a drained record says. */
  static final class Span {
    final int site;
    final long trace;
    final long id;
    final long parent;
    final long start;
    final long end;
    final int endReason;
    final Object value0;
    final Object value1;
    final boolean truncated0;
    final FrozenError error;
    final String thread;
    final long items;
    final long firstItem;

    Span(SpanRecord r) {
      site = r.siteId();
      trace = r.traceId();
      id = r.spanId();
      parent = r.parentId();
      start = r.startNanos();
      end = r.endNanos();
      endReason = r.endReason();
      value0 = r.value(0);
      value1 = r.value(1);
      truncated0 = r.truncated(0);
      error = r.error();
      thread = r.threadName();
      items = r.items();
      firstItem = r.firstItemNanos();
    }
  }

  @Test
  void idsStayUniquePastTheOldLimitOfTwoToThe24Threads() {
    // the old scheme put a thread index in the high bits and ran out after 2^24 threads; blocks
    // from one counter have no such limit: start the counter there and cross it
    IdBlocks blocks = new IdBlocks((1L << 24) - 3);
    Set<Long> ids = new HashSet<>();
    for (int thread = 0; thread < 8; thread++) {
      ThreadState state = new ThreadState(Thread.currentThread(), blocks);
      for (int i = 0; i < 1000; i++) {
        long id = state.newId();
        assertNotEquals(0, id);
        assertTrue(ids.add(id), "id " + id + " repeats");
      }
    }
    // one thread that uses more than a block keeps getting fresh ids
    ThreadState busy = new ThreadState(Thread.currentThread(), blocks);
    for (long i = 0; i < 3 * IdBlocks.BLOCK_SIZE; i++) {
      assertTrue(ids.add(busy.newId()));
    }
  }

  @Test
  void aValueIsFrozenAtTheCallSoChangingItLaterDoesNotChangeTheSpan() {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[] {ARG}, 0));
    List<String> messages = new ArrayList<>(List.of("hello"));
    StringBuilder text = new StringBuilder("before");
    Recorder.exit(Recorder.enter(0), null, messages, null, null, null, null);
    Recorder.exit(Recorder.enter(0), null, text, null, null, null, null);
    messages.add("changed after the call");
    text.append(" and after");
    List<Span> spans = drain();
    assertArrayEquals(new String[] {"hello"}, (String[]) spans.get(0).value0);
    assertEquals("before", spans.get(1).value0);
  }

  @Test
  void valuesBecomeAttributeTypesAndAreCutAtTheLimitsWithTheCutMarked() {
    install(16, 5, 3, new PointcutPlan(new ValueReader[] {ARG}, 0));
    Object[] inputs = {
      "short", "much too long", List.of(1, 2, 3, 4), new int[] {7, 8}, List.of(1.5, 2.5),
      List.of("a", 1), Thread.State.NEW, 42, new Object() { @Override public String toString() { throw new Error("hostile"); } }
    };
    for (Object in : inputs) {
      Recorder.exit(Recorder.enter(0), null, in, null, null, null, null);
    }
    List<Span> spans = drain();
    assertEquals("short", spans.get(0).value0);
    assertEquals("much ", spans.get(1).value0);
    assertTrue(spans.get(1).truncated0);
    assertArrayEquals(new long[] {1, 2, 3}, (long[]) spans.get(2).value0);
    assertTrue(spans.get(2).truncated0);
    assertArrayEquals(new long[] {7, 8}, (long[]) spans.get(3).value0);
    assertArrayEquals(new double[] {1.5, 2.5}, (double[]) spans.get(4).value0);
    assertArrayEquals(new String[] {"a", "1"}, (String[]) spans.get(5).value0);
    assertEquals("NEW", spans.get(6).value0);
    assertEquals(42, spans.get(7).value0);
    assertNull(spans.get(8).value0, "a toString that throws costs the attribute, not the span");
    assertEquals(9, spans.size());
    assertEquals(2, Recorder.state().stats().truncatedValues.sum());
    assertEquals(1, Recorder.state().stats().captureErrors.sum(), "the hostile toString");
  }

  @Test
  void messageContentIsCutAtItsOwnLengthAndTheCutMarked() {
    ring = new SpanRing(16, 2);
    ValueReader content = new ValueReader(ValueReader.ARG_A, new String[0], null, true);
    Recorder.install(new RecorderState(ring, 5, 128, 12)
        .withPlans(new PointcutPlan[] {new PointcutPlan(new ValueReader[] {content, ARG}, 0)}));
    Recorder.exit(Recorder.enter(0), null, "a prompt that is long", null, null, null, null);
    Recorder.exit(Recorder.enter(0), null, List.of("first message", "ok"), null, null, null, null);
    Recorder.exit(Recorder.enter(0), null, "short prompt", null, null, null, null);
    List<Span> spans = drain();
    assertEquals("a prompt tha", spans.get(0).value0, "content: its own length");
    assertTrue(spans.get(0).truncated0);
    assertEquals("a pro", spans.get(0).value1, "the same value as an ordinary capture: the value length");
    assertArrayEquals(new String[] {"first messag", "ok"}, (String[]) spans.get(1).value0);
    assertTrue(spans.get(1).truncated0);
    assertEquals("short prompt", spans.get(2).value0);
    assertFalse(spans.get(2).truncated0);
  }

  /** A value whose getter spins until released: a slow application getter that only reads. */
  public static final class Slow {
    private volatile boolean released;

    public String getName() {
      while (!released) {
        // spin: a getter that takes long and changes nothing, so capture paths may call it
      }
      return "slow";
    }
  }

  @Test
  void aSlowGetterCostsItsOwnThreadAndNoOtherThreadsSpans() throws Exception {
    ValueReader name = new ValueReader(ValueReader.ARG_A, new String[] {"name"});
    install(16, 4096, 128, new PointcutPlan(new ValueReader[] {name}, 0), new PointcutPlan(new ValueReader[0], 0));
    Recorder.checkGettersWith(new ReadOnlyGetters(NOPLogger.NOP_LOGGER));
    Slow slowValue = new Slow();
    Thread slow = new Thread(() -> Recorder.exit(Recorder.enter(0), null, slowValue, null, null, null, null));
    slow.start();
    Thread.sleep(50); // the slow thread is inside its getter now
    int received = 0;
    for (int batch = 0; batch < 20; batch++) {
      for (int i = 0; i < 10; i++) {
        Recorder.exit(Recorder.enter(1), null, null, null, null, null, null);
      }
      received += drain().size();
    }
    assertEquals(200, received, "no slot is held while a getter runs");
    assertEquals(0, Recorder.state().stats().dropped.sum());
    slowValue.released = true;
    slow.join();
    List<Span> last = drain();
    assertEquals("slow", last.get(0).value0);
  }

  @Test
  void onlyTheOutermostCallOfANestingGroupMakesASpan() {
    PointcutPlan create = new PointcutPlan(new ValueReader[0], 0, PointcutPlan.END_AT_EXIT, 0);
    PointcutPlan createWithOptions = new PointcutPlan(new ValueReader[0], 0, PointcutPlan.END_AT_EXIT, 0);
    PointcutPlan free = new PointcutPlan(new ValueReader[0], 0);
    install(16, 4096, 128, create, createWithOptions, free);
    Frame outer = Recorder.enter(0);
    Frame delegated = Recorder.enter(1);
    assertNull(delegated, "the inner call of the same group is not recorded");
    Frame child = Recorder.enter(2);
    Recorder.exit(child, null, null, null, null, null, null);
    Recorder.exit(delegated, null, null, null, null, null, null);
    Recorder.exit(outer, null, null, null, null, null, null);
    Frame again = Recorder.enter(1); // the group is closed again
    Recorder.exit(again, null, null, null, null, null, null);
    List<Span> spans = drain();
    assertEquals(3, spans.size());
    assertEquals(spans.get(1).id, spans.get(0).parent, "other pointcuts still nest inside it");
    assertEquals(1, spans.get(2).site);
  }

  /** A response object, as an LLM client would return. */
  public static final class Response {
    public String getModel() {
      return "gpt-test";
    }
  }

  @Test
  void aSpanThatEndsOnCompletionEndsWhenTheStageCompletesAndReadsTheResult() throws Exception {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[] {ARG, RESULT_MODEL}, 0, PointcutPlan.END_ON_COMPLETION, -1),
        new PointcutPlan(new ValueReader[0], 0));
    Frame parent = Recorder.enter(1);
    CompletableFuture<Response> future = new CompletableFuture<>();
    Frame call = Recorder.enter(0);
    Recorder.exit(call, null, "request", null, null, future, null);
    Recorder.exit(parent, null, null, null, null, null, null);
    assertEquals(1, drain().size(), "only the parent has ended");
    Thread.sleep(20);
    long completedAt = System.nanoTime();
    Thread completer = new Thread(() -> future.complete(new Response()), "completer");
    completer.start();
    completer.join();
    List<Span> spans = drain();
    assertEquals(1, spans.size());
    Span async = spans.get(0);
    assertTrue(async.end >= completedAt, "ends at completion, not at the call's exit");
    assertEquals("request", async.value0);
    assertEquals("gpt-test", async.value1);
    assertEquals(SpanRecord.END_COMPLETED, async.endReason);
    assertNotEquals(0, async.parent);
    assertEquals(0, Recorder.state().pending().size());
  }

  @Test
  void anExceptionalCompletionIsAnErrorAndAnUnendedSpanTimesOut() {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[] {ARG, RESULT_MODEL}, 0, PointcutPlan.END_ON_COMPLETION, -1));
    CompletableFuture<Response> failing = new CompletableFuture<>();
    Recorder.exit(Recorder.enter(0), null, "a", null, null, failing, null);
    failing.completeExceptionally(new IllegalStateException("rate limited"));
    CompletableFuture<Response> never = new CompletableFuture<>();
    Recorder.exit(Recorder.enter(0), null, "b", null, null, never, null);
    assertEquals(0, Recorder.state().pending().expire(System.nanoTime(), TimeUnit.MINUTES.toNanos(10)));
    assertEquals(1, Recorder.state().pending().expire(System.nanoTime() + TimeUnit.MINUTES.toNanos(11), TimeUnit.MINUTES.toNanos(10)));
    never.complete(new Response()); // too late: ended already, nothing more is written
    List<Span> spans = drain();
    assertEquals(2, spans.size());
    assertEquals(IllegalStateException.class.getName(), spans.get(0).error.type());
    assertEquals(SpanRecord.END_TIMEOUT, spans.get(1).endReason);
    assertNull(spans.get(1).value1);
    assertEquals(1, Recorder.state().stats().timedOut.sum());
  }

  @Test
  void workSubmittedInsideASpanRunsAsItsChildOnAnotherThread() throws Exception {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[0], 0));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Frame outer = Recorder.enter(0);
      Runnable child = () -> Recorder.exit(Recorder.enter(0), null, null, null, null, null, null);
      pool.submit(Propagation.wrap(child)).get();
      Recorder.exit(outer, null, null, null, null, null, null);
      pool.submit(child).get(); // submitted outside any span: a root of its own
      assertEquals(child, Propagation.wrap(child), "with no span open the task is left as it is");
    } finally {
      pool.shutdown();
    }
    List<Span> spans = drain();
    assertEquals(3, spans.size());
    Span inPool = spans.get(0);
    Span outer = spans.get(1);
    assertEquals(outer.id, inPool.parent);
    assertEquals(outer.trace, inPool.trace);
    assertNotEquals(outer.thread, inPool.thread);
    assertEquals(0, spans.get(2).parent);
    assertNotEquals(outer.trace, spans.get(2).trace);
  }

  @Test
  void aFollowedStreamEndsWhenConsumedAndCountsItsItems() throws Exception {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[0], 0, PointcutPlan.END_ON_CLOSE, -1));
    Object returned = Recorder.exitFollowing(
        Recorder.enter(0), null, null, null, null, Stream.of("a", "b", "c"), null, Stream.class);
    assertEquals(0, drain().size(), "nothing has been read yet");
    Thread.sleep(5);
    @SuppressWarnings("unchecked")
    List<Object> items = ((Stream<Object>) returned).collect(Collectors.toList());
    assertEquals(List.of("a", "b", "c"), items, "the caller gets the same items");
    List<Span> spans = drain();
    assertEquals(1, spans.size());
    assertEquals(SpanRecord.END_EXHAUSTED, spans.get(0).endReason);
    assertEquals(3, spans.get(0).items);
    assertTrue(spans.get(0).firstItem - spans.get(0).start >= 5_000_000L);
  }

  @Test
  void aFollowedIteratorLeftUnfinishedEndsWhenItsOwnerIsClosed() {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[0], 0, PointcutPlan.END_ON_CLOSE, -1));
    List<String> closed = new ArrayList<>();
    Chunks original = new Chunks() {
      @Override public Iterator<String> iterator() { return List.of("x", "y", "z").iterator(); }
      @Override public void close() { closed.add("closed"); }
    };
    Chunks followed = (Chunks) Recorder.exitFollowing(
        Recorder.enter(0), null, null, null, null, original, null, Chunks.class);
    Iterator<String> it = followed.iterator();
    assertEquals("x", it.next());
    assertEquals(0, drain().size());
    followed.close();
    assertEquals(List.of("closed"), closed, "the application's close still runs");
    List<Span> spans = drain();
    assertEquals(SpanRecord.END_CLOSED, spans.get(0).endReason);
    assertEquals(1, spans.get(0).items);
    Object plain = Recorder.exitFollowing(Recorder.enter(0), null, null, null, null, "not followable", null, String.class);
    assertEquals("not followable", plain, "a class type is returned as it is and the span ends at exit");
    assertEquals(SpanRecord.END_RETURNED, drain().get(0).endReason);
  }

  /** A raw HTTP response as the SDKs' withRawResponse() returns one: parse() gives the result. */
  public interface RawResponse<T> extends AutoCloseable {
    int statusCode();

    T parse();

    @Override
    void close();
  }

  /** The parsed answer of a raw response. */
  public static final class Answer {
    private final String model;

    Answer(String model) {
      this.model = model;
    }

    public String model() {
      return model;
    }
  }

  static <T> RawResponse<T> raw(T parsed, List<String> closed) {
    return new RawResponse<T>() {
      @Override public int statusCode() { return 200; }
      @Override public T parse() { return parsed; }
      @Override public void close() { closed.add("closed"); }
    };
  }

  @Test
  void aRawResponseEndsItsSpanWhenParsedAndReturnPathsReadWhatParseGave() {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[] {ARG, RESULT_MODEL}, 0, PointcutPlan.END_ON_CLOSE, -1));
    List<String> closed = new ArrayList<>();
    @SuppressWarnings("unchecked")
    RawResponse<Answer> followed = (RawResponse<Answer>) Recorder.exitFollowing(
        Recorder.enter(0), null, "request", null, null, raw(new Answer("gpt-4o-mini"), closed), null, RawResponse.class);
    assertEquals(200, followed.statusCode());
    assertEquals(0, drain().size(), "the answer is not read yet");
    assertEquals("gpt-4o-mini", followed.parse().model());
    followed.close();
    assertEquals(List.of("closed"), closed);
    List<Span> spans = drain();
    assertEquals(1, spans.size(), "parse ended it, close adds nothing");
    assertEquals(SpanRecord.END_COMPLETED, spans.get(0).endReason);
    assertEquals("request", spans.get(0).value0);
    assertEquals("gpt-4o-mini", spans.get(0).value1, "return is what parse() gave, not the response");
  }

  @Test
  void aRawStreamingResponseFollowsTheStreamItsParseGives() {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[] {ARG, RESULT_MODEL}, 0, PointcutPlan.END_ON_CLOSE, -1));
    List<String> closed = new ArrayList<>();
    Chunks stream = new Chunks() {
      @Override public Iterator<String> iterator() { return List.of("x", "y").iterator(); }
      @Override public void close() { closed.add("stream closed"); }
    };
    @SuppressWarnings("unchecked")
    RawResponse<Chunks> followed = (RawResponse<Chunks>) Recorder.exitFollowing(
        Recorder.enter(0), null, "request", null, null, raw(stream, closed), null, RawResponse.class);
    Chunks parsed = followed.parse();
    Iterator<String> it = parsed.iterator();
    assertEquals("x", it.next());
    assertEquals("y", it.next());
    assertFalse(it.hasNext());
    List<Span> spans = drain();
    assertEquals(1, spans.size());
    assertEquals(SpanRecord.END_EXHAUSTED, spans.get(0).endReason);
    assertEquals(2, spans.get(0).items);
    assertNull(spans.get(0).value1, "a stream has no return value to read");
    parsed.close();
    assertEquals(List.of("stream closed"), closed);
  }

  @Test
  void aRawResponseClosedUnparsedEndsItsSpanWithoutAResult() {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[] {ARG, RESULT_MODEL}, 0, PointcutPlan.END_ON_CLOSE, -1));
    @SuppressWarnings("unchecked")
    RawResponse<Answer> followed = (RawResponse<Answer>) Recorder.exitFollowing(Recorder.enter(0), null, "request",
        null, null, raw(new Answer("gpt-4o-mini"), new ArrayList<>()), null, RawResponse.class);
    followed.close();
    List<Span> spans = drain();
    assertEquals(SpanRecord.END_CLOSED, spans.get(0).endReason);
    assertNull(spans.get(0).value1);
  }

  @Test
  void aStreamingCallThatThrowsHasNoChunkValuesLeftByAnEarlierCallOnTheThread() {
    ValueReader chunk = new ValueReader(ValueReader.CHUNK, new String[0]);
    install(16, 4096, 128, new PointcutPlan(new ValueReader[] {ARG, ARG}, 0),
        new PointcutPlan(new ValueReader[] {ARG, chunk}, 0, PointcutPlan.END_ON_CLOSE, -1));
    // a call of another pointcut at the same depth fills the frame's value slots first
    Recorder.exit(Recorder.enter(0), null, "earlier", null, null, null, null);
    // the streaming call throws (an HTTP 429) before it returns a stream: no chunk was ever read
    Recorder.exitFollowing(Recorder.enter(1), null, "request", null, null, null,
        new IllegalStateException("429"), Stream.class);
    List<Span> spans = drain();
    assertEquals(2, spans.size());
    assertEquals("request", spans.get(1).value0);
    assertNull(spans.get(1).value1, "no chunk value, and none of the earlier call's values");
    assertEquals(IllegalStateException.class.getName(), spans.get(1).error.type());
  }

  /** A streaming response as an SDK declares it: an interface the agent can stand in for. */
  public interface Chunks extends Iterable<String>, AutoCloseable {
    @Override
    void close();
  }

  @Test
  void aTaskRunInsideAnotherOpenSpanStillBelongsToTheSpanThatSubmittedIt() throws Exception {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[0], 0));
    Runnable[] submitted = new Runnable[1];
    Thread submitter = new Thread(() -> {
      Frame x = Recorder.enter(0);
      submitted[0] = Propagation.wrap(() -> Recorder.exit(Recorder.enter(0), null, null, null, null, null, null));
      Recorder.exit(x, null, null, null, null, null, null);
    });
    submitter.start();
    submitter.join();
    Frame s = Recorder.enter(0); // this thread is busy in its own span, and helps with the task
    submitted[0].run();
    Recorder.exit(Recorder.enter(0), null, null, null, null, null, null);
    Recorder.exit(s, null, null, null, null, null, null);
    List<Span> spans = drain();
    Span x = spans.get(0);
    Span task = spans.get(1);
    Span own = spans.get(2);
    Span outer = spans.get(3);
    assertEquals(x.id, task.parent, "the task is the child of the span that submitted it");
    assertEquals(x.trace, task.trace);
    assertEquals(outer.id, own.parent, "after the task, this thread's calls nest in its own span again");
  }

  @Test
  void aHostileExceptionCostsItsMessageNotTheSpan() {
    install(16, 4096, 128, new PointcutPlan(new ValueReader[0], 0));
    RuntimeException hostile =
        new RuntimeException() {
          @Override
          public String getMessage() {
            throw new IllegalStateException("no message for you");
          }
        };
    Recorder.exit(Recorder.enter(0), null, null, null, null, null, hostile);
    List<Span> spans = drain();
    assertEquals(1, spans.size());
    assertNotNull(spans.get(0).error);
    assertNull(spans.get(0).error.message());
  }
}
