package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
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
  private SpanRing ring;

  @BeforeEach
  void install() {
    ring = new SpanRing(64, 0, 0);
    Recorder.install(new RecorderState(ring, 4096, 128).withPlans(new PointcutPlan[] {
      new PointcutPlan(new ValueReader[0], 0),
      new PointcutPlan(new ValueReader[0], 0, PointcutPlan.END_AT_EXIT, 0),
      PointcutPlan.guard(0),
      new PointcutPlan(new ValueReader[0], 0, PointcutPlan.END_AT_EXIT, 1),
    }));
  }

  @AfterEach
  void uninstall() {
    Recorder.install(RecorderState.EMPTY);
  }

  private List<long[]> drain() {
    List<long[]> out = new ArrayList<>();
    ring.drain(r -> out.add(new long[] {r.siteId(), r.spanId(), r.parentId(), r.traceId()}), 100);
    return out;
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

    List<long[]> spans = drain();
    assertEquals(3, spans.size(), "the other group's span, the grouped call after the guard, the outer call");
    long[] o = spans.get(0), a = spans.get(1), root = spans.get(2);
    assertEquals(OTHER, o[0]);
    assertEquals(root[1], o[2], "a span inside the guard is a child of the guard's parent");
    assertEquals(GROUPED, a[0]);
    assertEquals(root[1], a[2]);
    assertEquals(root[3], o[3]);
  }

  @Test
  void aGuardWithNoParentLeavesWhatRunsInsideItARoot() {
    Frame guard = Recorder.enter(GUARD);
    Frame other = Recorder.enter(OTHER);
    Recorder.exit(other, null, null, null, null, null, null);
    Recorder.exit(guard, null, null, null, null, null, null);
    List<long[]> spans = drain();
    assertEquals(1, spans.size());
    assertEquals(0, spans.get(0)[2], "a root");
  }
}
