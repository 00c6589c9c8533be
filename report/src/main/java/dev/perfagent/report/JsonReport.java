package dev.perfagent.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The report as one JSON document (times in microseconds, cost in USD). */
final class JsonReport {
  private JsonReport() {}

  static void write(Writer to, List<RunInfo> runs, RunReport r) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(to)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("runs");
      for (RunInfo run : runs) {
        g.writeStartObject();
        g.writeStringField("id", run.id());
        g.writeStringField("service", run.service());
        g.writeStringField("processStart", run.processStart() == null ? null : run.processStart().toString());
        g.writeNumberField("spans", run.spans());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("reported", r.run().id());
      g.writeNumberField("traces", r.traces());
      g.writeArrayFieldStart("breakdown");
      for (BreakdownNode n : r.breakdown().children()) {
        tree(g, n, JsonReport::nodeFields);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("roots");
      for (RootOperation root : r.roots()) {
        g.writeStartObject();
        g.writeStringField("name", root.name());
        timing(g, root.timing());
        g.writeNumberField("inputTokens", root.tokenCounts().input());
        g.writeNumberField("outputTokens", root.tokenCounts().output());
        g.writeNumberField("costUsd", root.costNanoUsd().total() / 1e9);
        g.writeNumberField("costP50Usd", root.costNanoUsd().percentile(50) / 1e9);
        g.writeNumberField("costP95Usd", root.costNanoUsd().percentile(95) / 1e9);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("models");
      for (ModelUsage m : r.models()) {
        g.writeStartObject();
        g.writeStringField("provider", m.provider());
        g.writeStringField("model", m.model());
        usage(g, m);
        g.writeEndObject();
      }
      g.writeEndArray();
      if (r.by() != null) {
        g.writeStringField("by", r.by());
        g.writeArrayFieldStart("llmByValue");
        for (ModelUsage v : r.llmByValue()) {
          g.writeStartObject();
          g.writeStringField("value", v.model());
          usage(g, v);
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeArrayFieldStart("slowest");
      for (SlowTrace s : r.slowest()) {
        g.writeStartObject();
        g.writeStringField("root", s.rootName());
        g.writeStringField("traceId", s.traceId());
        g.writeNumberField("durationMicros", s.durationMicros());
        g.writeArrayFieldStart("criticalPath");
        for (SlowTrace.PathStep step : s.criticalPath()) {
          g.writeStartObject();
          pathStep(g, step);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding f : r.findings()) {
        g.writeStartObject();
        g.writeStringField("kind", f.kind().name());
        g.writeStringField("operation", f.operation());
        g.writeStringField("message", f.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** The fields of one breakdown node, for {@link #tree}. */
  interface NodeFields {
    void write(JsonGenerator g, BreakdownNode n) throws IOException;
  }

  /** A breakdown node as an object of {@code fields} and its children, recursively. */
  static void tree(JsonGenerator g, BreakdownNode n, NodeFields fields) throws IOException {
    g.writeStartObject();
    fields.write(g, n);
    if (!n.children().isEmpty()) {
      g.writeArrayFieldStart("children");
      for (BreakdownNode c : n.children()) {
        tree(g, c, fields);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void nodeFields(JsonGenerator g, BreakdownNode n) throws IOException {
    g.writeStringField("name", n.name());
    timing(g, n.timing());
    g.writeNumberField("selfMicros", n.timing().selfMicros());
    if (!n.aggregates().isEmpty()) {
      g.writeArrayFieldStart("aggregates");
      for (BreakdownNode.AggregateCount a : n.aggregates()) {
        g.writeStartObject();
        g.writeStringField("pointcut", a.pointcut());
        g.writeNumberField("count", a.count());
        g.writeNumberField("totalMillis", a.totalMillis());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  private static void usage(JsonGenerator g, ModelUsage m) throws IOException {
    timing(g, m.timing());
    g.writeNumberField("inputTokens", m.tokens().input());
    g.writeNumberField("cachedInputTokens", m.tokens().cached());
    g.writeNumberField("outputTokens", m.tokens().output());
    g.writeNumberField("reasoningTokens", m.tokens().reasoning());
    g.writeNumberField("costUsd", m.costUsd());
    g.writeNumberField("firstChunkP50", m.firstChunkMicros().percentile(50));
    g.writeNumberField("firstChunkP95", m.firstChunkMicros().percentile(95));
  }

  /** A critical path step's fields (the HTML page's data has them too). */
  static void pathStep(JsonGenerator g, SlowTrace.PathStep step) throws IOException {
    g.writeStringField("name", step.name());
    g.writeNumberField("depth", step.depth());
    g.writeNumberField("offsetMicros", step.offsetMicros());
    g.writeNumberField("durationMicros", step.durationMicros());
    g.writeNumberField("selfMicros", step.selfMicros());
  }

  private static void timing(JsonGenerator g, Timing t) throws IOException {
    Distribution d = t.durations();
    g.writeNumberField("count", t.count());
    g.writeNumberField("errors", t.errors());
    g.writeNumberField("totalMicros", t.totalMicros());
    g.writeNumberField("meanMicros", d.mean());
    g.writeNumberField("p50Micros", d.percentile(50));
    g.writeNumberField("p95Micros", d.percentile(95));
    g.writeNumberField("p99Micros", d.percentile(99));
    g.writeNumberField("maxMicros", d.max());
  }
}
