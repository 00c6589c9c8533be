package dev.perfagent.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Adds one complete trace to a {@link RunReport}: breakdown, operations, roots, models, slowest. */
final class TraceFolder {
  private static final String COUNT = ".count";
  private static final String TOTAL_MS = ".total_ms";

  private final String byAttribute;

  /** {@code byAttribute}: splits each node by this attribute's value (null: no split). */
  TraceFolder(String byAttribute) {
    this.byAttribute = byAttribute;
  }

  void fold(Trace trace, RunReport report) {
    trace.link();
    for (Span top : trace.tops()) {
      if (top.isRoot()) {
        TokenCounts tokens = new TokenCounts();
        double[] cost = new double[1];
        visit(trace, top, report.breakdown().child(nodeName(top)), report, tokens, cost);
        report.root(top.name).add(top, trace.selfMicros(top), tokens, Math.round(cost[0] * 1e9));
        List<SlowTrace.PathStep> path = trace.criticalPath(top);
        for (SlowTrace.PathStep step : path) {
          OperationStats op = report.existingOperation(step.name());
          if (op != null) {
            op.onCriticalPath(step.selfMicros());
          }
        }
        report.offerSlow(new SlowTrace(top.name, top.traceId, top.startNanos, top.durationNanos() / 1000,
            top.error, path));
      } else {
        BreakdownNode detached = report.breakdown().child(RunReport.DETACHED);
        visit(trace, top, detached.child(nodeName(top)), report, new TokenCounts(), new double[1]);
      }
    }
    report.traceDone();
  }

  private void visit(Trace trace, Span span, BreakdownNode node, RunReport report, TokenCounts tokens,
      double[] cost) {
    long self = trace.selfMicros(span);
    node.timing().add(span.durationNanos() / 1000, self, span.error);
    OperationStats op = report.operation(span.name);
    op.add(span, self);
    aggregates(span, node);
    List<Span> children = trace.children(span);
    PoolLookups.Lookup lookup = PoolLookups.of(span, children);
    if (lookup != null) {
      op.lookup(lookup, span.durationNanos() / 1000);
    }
    if (ModelUsage.isLlmCall(span)) {
      report.model(ModelUsage.provider(span), ModelUsage.model(span)).add(span);
      if (byAttribute != null) {
        report.llmByValue(span.string(byAttribute)).add(span);
      }
      tokens.add(span);
      cost[0] += span.decimal(ModelUsage.COST);
    }
    rateLimits(children, report);
    SerialCalls.find(span, children, report);
    for (Span child : children) {
      visit(trace, child, node.child(nodeName(child)), report, tokens, cost);
    }
  }

  private String nodeName(Span span) {
    if (byAttribute == null) {
      return span.name;
    }
    String value = span.string(byAttribute);
    return value == null ? span.name : span.name + " [" + byAttribute + "=" + value + "]";
  }

  private static void aggregates(Span span, BreakdownNode node) {
    for (Map.Entry<String, Object> e : span.attributes.entrySet()) {
      String key = e.getKey();
      if (key.endsWith(COUNT)) {
        String pointcut = key.substring(0, key.length() - COUNT.length());
        if (span.has(pointcut + TOTAL_MS)) {
          node.addAggregate(pointcut, span.number(key), span.decimal(pointcut + TOTAL_MS));
        }
      }
    }
  }

  /**
   * Rate-limited calls among siblings (sorted by start): retried when a later sibling of the same
   * name follows; the time lost is the failed call plus the wait before the next attempt.
   */
  private static void rateLimits(List<Span> siblings, RunReport report) {
    Map<String, Span> failedByName = new HashMap<>();
    for (Span s : siblings) {
      Span failed = failedByName.remove(s.name);
      if (failed != null) {
        long lost = (failed.durationNanos() + Math.max(0, s.startNanos - failed.endNanos)) / 1000;
        report.operation(failed.name).rateLimited(true, lost);
      }
      if (isRateLimited(s)) {
        failedByName.put(s.name, s);
      }
    }
    for (Span notRetried : failedByName.values()) {
      report.operation(notRetried.name).rateLimited(false, 0);
    }
  }

  static boolean isRateLimited(Span span) {
    if (!span.error) {
      return false;
    }
    String type = span.string("error.type");
    return (type != null && (type.contains("RateLimit") || type.equals("429")))
        || span.number("http.response.status_code") == 429
        || span.statusMessage.startsWith("429")
        || span.statusMessage.contains("rate limit");
  }
}
