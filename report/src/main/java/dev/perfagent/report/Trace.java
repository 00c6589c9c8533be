package dev.perfagent.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of one trace of one run, linked parent to children once the trace is complete. The top
 * spans are the root (no parent) and any span whose parent is not in the input.
 */
final class Trace {
  final List<Span> spans = new ArrayList<>();
  private Map<String, List<Span>> children;

  void add(Span span) {
    spans.add(span);
  }

  void link() {
    children = new HashMap<>();
    for (Span s : spans) {
      if (!s.parentId.isEmpty()) {
        children.computeIfAbsent(s.parentId, k -> new ArrayList<>()).add(s);
      }
    }
    for (List<Span> list : children.values()) {
      list.sort(Comparator.comparingLong(s -> s.startNanos));
    }
  }

  /** Spans without a parent in this trace, in start order. */
  List<Span> tops() {
    Map<String, Span> byId = new HashMap<>();
    for (Span s : spans) {
      byId.put(s.spanId, s);
    }
    List<Span> tops = new ArrayList<>();
    for (Span s : spans) {
      if (s.parentId.isEmpty() || !byId.containsKey(s.parentId)) {
        tops.add(s);
      }
    }
    tops.sort(Comparator.comparingLong(s -> s.startNanos));
    return tops;
  }

  List<Span> children(Span span) {
    return children.getOrDefault(span.spanId, List.of());
  }

  /**
   * Time in {@code span} not covered by any of its children (children's intervals merged and
   * clipped to the span), in microseconds.
   */
  long selfMicros(Span span) {
    long covered = 0;
    long until = span.startNanos;
    for (Span c : children(span)) { // sorted by start
      long from = Math.max(c.startNanos, until);
      long to = Math.min(c.endNanos, span.endNanos);
      if (to > from) {
        covered += to - from;
        until = to;
      }
    }
    return Math.max(0, span.durationNanos() - covered) / 1000;
  }

  /**
   * The critical path under {@code root}: walking back from the end, the child that ended last
   * before the point reached is what was waited on; its own critical path is followed, then the
   * walk goes on from its start. What no child covers is the span's self time on the path.
   */
  List<SlowTrace.PathStep> criticalPath(Span root) {
    List<SlowTrace.PathStep> steps = new ArrayList<>();
    walk(root, root.endNanos, 0, root.startNanos, steps);
    return steps;
  }

  private void walk(Span span, long until, int depth, long origin, List<SlowTrace.PathStep> steps) {
    int at = steps.size();
    steps.add(null); // this span's step, filled once its self time is known
    List<Span> kids = new ArrayList<>(children(span));
    kids.sort(Comparator.comparingLong((Span s) -> s.endNanos).reversed());
    long cursor = Math.min(until, span.endNanos);
    long waitedOnChildren = 0;
    List<List<SlowTrace.PathStep>> childPaths = new ArrayList<>();
    for (Span c : kids) {
      if (cursor <= span.startNanos) {
        break;
      }
      if (c.startNanos >= cursor || c.endNanos <= span.startNanos) {
        continue;
      }
      long end = Math.min(c.endNanos, cursor);
      long start = Math.max(c.startNanos, span.startNanos);
      List<SlowTrace.PathStep> sub = new ArrayList<>();
      walk(c, end, depth + 1, origin, sub);
      childPaths.add(0, sub);
      waitedOnChildren += end - start;
      cursor = start;
    }
    long window = Math.min(until, span.endNanos) - span.startNanos;
    long self = Math.max(0, window - waitedOnChildren) / 1000;
    steps.set(at, new SlowTrace.PathStep(span.name, depth, (span.startNanos - origin) / 1000,
        span.durationNanos() / 1000, self));
    for (List<SlowTrace.PathStep> sub : childPaths) {
      steps.addAll(sub);
    }
  }
}
