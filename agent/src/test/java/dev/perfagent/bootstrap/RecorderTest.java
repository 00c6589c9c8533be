package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecorderTest {
  private InstalledRecorder recorder;

  @BeforeEach
  void install() {
    PointcutPlan plain = new PointcutPlan(new ValueReader[] {new ValueReader(ValueReader.ARG_A, new String[0])}, 0);
    PointcutPlan slowOnly = new PointcutPlan(new ValueReader[0], 1_000_000_000L);
    recorder = new InstalledRecorder(
        new SpanRing(64, 2, 2, 0), plain, slowOnly, PointcutPlan.aggregate(0), PointcutPlan.aggregate(1));
  }

  @AfterEach
  void uninstall() {
    InstalledRecorder.uninstall();
  }

  private List<SpanModelTest.Span> drain() {
    return recorder.drain();
  }

  @Test
  void nestedCallsLinkToTheEnclosingCallOnTheSameThread() {
    Frame outer = Recorder.enter(0);
    Frame inner = Recorder.enter(0);
    Frame innermost = Recorder.enter(0);
    Recorder.exit(innermost, null, "c", null, null, null, null);
    Recorder.exit(inner, null, "b", null, null, null, null);
    Frame sibling = Recorder.enter(0);
    Recorder.exit(sibling, null, "d", null, null, null, null);
    Recorder.exit(outer, null, "a", null, null, null, null);

    List<SpanModelTest.Span> spans = drain();
    assertEquals(4, spans.size());
    SpanModelTest.Span c = spans.get(0), b = spans.get(1), d = spans.get(2), a = spans.get(3);
    assertEquals(0, a.parent, "the outer call is a root");
    assertEquals(a.id, b.parent);
    assertEquals(b.id, c.parent);
    assertEquals(a.id, d.parent);
    for (SpanModelTest.Span s : spans) {
      assertEquals(a.id, s.trace, "all share the root's trace");
    }
  }

  @Test
  void recursionNestsEachLevel() {
    Frame[] frames = new Frame[50];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = Recorder.enter(0);
    }
    for (int i = frames.length - 1; i >= 0; i--) {
      Recorder.exit(frames[i], null, null, null, null, null, null);
    }
    List<SpanModelTest.Span> spans = drain();
    assertEquals(50, spans.size());
    for (int i = 0; i < 49; i++) {
      assertEquals(spans.get(i + 1).id, spans.get(i).parent, "level " + i + " is the child of the level above");
    }
  }

  @Test
  void callsShorterThanMinDurationMakeNoSpanAndDoNotDisturbNesting() {

    Frame outer = Recorder.enter(0);
    Frame fast = Recorder.enter(1);
    Recorder.exit(fast, null, null, null, null, null, null);
    Frame inner = Recorder.enter(0);
    Recorder.exit(inner, null, null, null, null, null, null);
    Recorder.exit(outer, null, null, null, null, null, null);
    List<SpanModelTest.Span> spans = drain();
    assertEquals(2, spans.size());
    assertEquals(spans.get(1).id, spans.get(0).parent);
    assertEquals(1, Recorder.state().stats().belowMinDuration.sum());
  }

  @Test
  void aggregateCallsAreCountedAndTimedOnTheEnclosingSpan() {
    Frame outer = Recorder.enter(0);
    for (int i = 0; i < 3; i++) {
      Recorder.aggregate(2, System.nanoTime() - 1_000_000L * (i + 1));
    }
    Frame inner = Recorder.enter(0);
    Recorder.aggregate(3, System.nanoTime());
    Recorder.exit(inner, null, null, null, null, null, null);
    Recorder.exit(outer, null, null, null, null, null, null);
    Recorder.aggregate(2, System.nanoTime()); // no enclosing call: nothing to report on

    List<long[]> seen = new ArrayList<>();
    recorder.ring.drain(
        r -> seen.add(new long[] {r.aggregateMask(), r.aggregateMask() == 1 ? r.aggregateCount(0) : r.aggregateCount(1),
            r.aggregateMask() == 1 ? r.aggregateMinNanos(0) : 0, r.aggregateMask() == 1 ? r.aggregateMaxNanos(0) : 0,
            r.aggregateMask() == 1 ? r.aggregateTotalNanos(0) : 0}),
        10);
    assertEquals(2, seen.size());
    assertEquals(2, seen.get(0)[0], "the inner span saw slot 1 only");
    assertEquals(1, seen.get(0)[1]);
    long[] outerSpan = seen.get(1);
    assertEquals(1, outerSpan[0], "the outer span saw slot 0 only");
    assertEquals(3, outerSpan[1]);
    assertTrue(outerSpan[2] >= 1_000_000L && outerSpan[3] >= 3_000_000L && outerSpan[3] < 1_000_000_000L);
    assertTrue(outerSpan[4] >= 6_000_000L);
  }

  @Test
  void unknownSitesAndUnmatchedExitsAreIgnored() {
    assertNull(Recorder.enter(99));
    Recorder.exit(null, null, null, null, null, null, null);
    Frame f = Recorder.enter(0);
    Recorder.exit(f, null, null, null, null, null, null);
    Recorder.exit(f, null, null, null, null, null, null); // closed already: ignored
    assertEquals(1, drain().size(), "one span: the second exit of a closed frame adds nothing");
  }

  @Test
  void anExitSkippedByAnEscapingFrameIsRepairedByTheOuterExit() {
    Frame outer = Recorder.enter(0);
    Recorder.enter(0); // its exit never runs
    Recorder.exit(outer, null, null, null, null, null, null);
    Frame next = Recorder.enter(0);
    Recorder.exit(next, null, null, null, null, null, null);
    List<SpanModelTest.Span> spans = drain();
    assertEquals(2, spans.size());
    assertEquals(0, spans.get(1).parent, "the stack was reset: the next call is a root again");
  }

  @Test
  void theThrownExceptionAndTheThreadAreFrozenAtTheCall() {
    IllegalStateException boom = new IllegalStateException("boom", new IllegalArgumentException("cause"));
    Frame f = Recorder.enter(0);
    Recorder.exit(f, null, null, null, null, null, boom);
    Object[] seen = new Object[3];
    recorder.ring.drain(r -> { seen[0] = r.error(); seen[1] = r.threadName(); seen[2] = r.threadId(); }, 1);
    FrozenError error = (FrozenError) seen[0];
    assertEquals(IllegalStateException.class.getName(), error.type());
    assertEquals("boom", error.message());
    assertEquals("cause", error.cause().message());
    assertTrue(error.stackTrace(10_000).contains("Caused by: java.lang.IllegalArgumentException: cause"));
    assertEquals(Thread.currentThread().getName(), seen[1]);
    assertEquals(Thread.currentThread().getId(), seen[2]);
  }
}
