package dev.perfagent.bootstrap;

import java.util.ArrayList;
import java.util.List;

/** The recorder installed with some plans over a small ring, whose written spans a test drains. */
final class InstalledRecorder {
  final SpanRing ring;

  InstalledRecorder(PointcutPlan... plans) {
    this(new SpanRing(16, 2), plans);
  }

  /** Over {@code ring} (a larger one, or one with aggregate slots); site {@code i} is {@code plans[i]}. */
  InstalledRecorder(SpanRing ring, PointcutPlan... plans) {
    this.ring = ring;
    Recorder.install(new RecorderState(ring, 4096, 128).withPlans(plans));
  }

  /** The spans written since the last drain, in the order they were written. */
  List<SpanModelTest.Span> drain() {
    List<SpanModelTest.Span> out = new ArrayList<>();
    ring.drain(r -> out.add(new SpanModelTest.Span(r)), 10_000);
    return out;
  }

  static void uninstall() {
    Recorder.install(RecorderState.EMPTY);
  }
}
