package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A guard: no span of its own, none for its group inside it, and no gap in the parent links. */
class GuardTest {
  private static final int SPAN = 0;
  private static final int GROUPED = 1;
  private static final int GUARD = 2;
  private static final int OTHER = 3;
  private InstalledRecorder recorder;

  @BeforeEach
  void install() {
    recorder = new InstalledRecorder(
        new PointcutPlan(new ValueReader[0], 0),
        new PointcutPlan(new ValueReader[0], 0, PointcutPlan.END_AT_EXIT, 0),
        PointcutPlan.guard(0),
        new PointcutPlan(new ValueReader[0], 0, PointcutPlan.END_AT_EXIT, 1));
  }

  @AfterEach
  void uninstall() {
    InstalledRecorder.uninstall();
  }

  @Test
  void insideAGuardItsGroupMakesNoSpanAndOthersNestUnderTheGuardsParent() {
    Frame outer = Recorder.enter(SPAN);
    Frame guard = Recorder.enter(GUARD);
    assertNull(Recorder.enter(GROUPED), "the guard's group is open");
    Frame other = Recorder.enter(OTHER);
    Recorder.exit(other, null, null, null, null, null, null);
    Recorder.exit(guard, null, null, null, null, null, null);
    Frame after = Recorder.enter(GROUPED);
    Recorder.exit(after, null, null, null, null, null, null);
    Recorder.exit(outer, null, null, null, null, null, null);

    List<SpanModelTest.Span> spans = recorder.drain();
    assertEquals(3, spans.size(), "the other group's span, the grouped call after the guard, the outer call");
    SpanModelTest.Span o = spans.get(0), a = spans.get(1), root = spans.get(2);
    assertEquals(OTHER, o.site);
    assertEquals(root.id, o.parent, "a span inside the guard is a child of the guard's parent");
    assertEquals(GROUPED, a.site);
    assertEquals(root.id, a.parent);
    assertEquals(root.trace, o.trace);
  }

  @Test
  void whatRunsInsideAGuardWithNoParentIsARootOfItsOwnTrace() {
    Frame guard = Recorder.enter(GUARD);
    Frame first = Recorder.enter(OTHER);
    Frame child = Recorder.enter(SPAN);
    Recorder.exit(child, null, null, null, null, null, null);
    Recorder.exit(first, null, null, null, null, null, null);
    Frame second = Recorder.enter(OTHER);
    Recorder.exit(second, null, null, null, null, null, null);
    Recorder.exit(guard, null, null, null, null, null, null);

    List<SpanModelTest.Span> spans = recorder.drain();
    assertEquals(3, spans.size());
    SpanModelTest.Span c = spans.get(0), f = spans.get(1), s = spans.get(2);
    assertEquals(0, f.parent, "a root");
    assertEquals(f.id, f.trace, "its trace is its own: the trace id of a root span is its span id");
    assertEquals(f.id, c.parent, "its children nest under it");
    assertEquals(f.trace, c.trace);
    assertEquals(0, s.parent);
    assertEquals(s.id, s.trace, "a second root inside the same guard starts a trace of its own");
    assertNotEquals(f.trace, s.trace);
  }

  @Test
  void aGuardTakesNoSpanId() {
    Frame before = Recorder.enter(SPAN);
    Recorder.exit(before, null, null, null, null, null, null);
    Frame guard = Recorder.enter(GUARD);
    Recorder.exit(guard, null, null, null, null, null, null);
    Frame after = Recorder.enter(SPAN);
    Recorder.exit(after, null, null, null, null, null, null);
    List<SpanModelTest.Span> spans = recorder.drain();
    assertEquals(2, spans.size());
    long next = spans.get(0).id + 1;
    if (next % IdBlocks.BLOCK_SIZE != 0) { // else the thread's block ended there
      assertEquals(next, spans.get(1).id, "the next id of the thread's block went to the next span");
    }
  }

  @Test
  void workSubmittedInsideAGuardWithNoParentCarriesNoContext() {
    Frame guard = Recorder.enter(GUARD);
    Runnable task = () -> {};
    assertSame(task, Propagation.wrap(task), "no span is open: nothing to carry");
    Recorder.exit(guard, null, null, null, null, null, null);
  }
}
