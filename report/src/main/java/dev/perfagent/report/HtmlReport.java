package dev.perfagent.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page (no network access to view it): the figures as JSON in
 * the page, drawn by the page's own script into tables and SVG charts. The tables are the terminal
 * report's ({@link TextReport}, {@link CompareText}), cell for cell, so both show the same numbers.
 * Span names and attribute values are untrusted: the JSON escapes {@code < > &}, so no text can end
 * the script element, and the script inserts text, never markup.
 */
final class HtmlReport {
  /** How many operations get a histogram: those with the most total time. */
  static final int HISTOGRAMS = 30;
  private static final String DATA = "@REPORT_DATA@";

  private HtmlReport() {}

  static void report(Writer to, RunReport r) throws IOException {
    page(to, json(g -> {
      g.writeStringField("title", "perf-agent report: " + r.run().service() + ", run " + r.run().shortId());
      body(g, r);
    }));
  }

  /** The comparison, then the NEW run's report. */
  static void comparison(Writer to, Comparison c, String base, String next, RunReport nextRun) throws IOException {
    page(to, json(g -> {
      g.writeStringField("title", "perf-agent compare: " + nextRun.run().service() + ", run " + nextRun.run().shortId()
          + " against its base");
      g.writeObjectFieldStart("comparison");
      g.writeStringField("base", "base: " + base);
      g.writeStringField("next", "new: " + next);
      g.writeStringField("note", CompareText.HEADING);
      g.writeStringField("summary", CompareText.summary(c));
      table(g, "table", CompareText.table(c));
      g.writeArrayFieldStart("changes");
      for (Comparison.Change ch : c.changes) {
        // the chart: flagged relative changes (an error rate's change is in points, on another scale)
        if (!(ch.regression || ch.improvement) || ch.measure == Comparison.Measure.ERRORS
            || Double.isInfinite(ch.interval.estimate)) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("operation", ch.operation);
        g.writeStringField("measure", ch.measure.label());
        g.writeNumberField("estimate", ch.interval.estimate);
        g.writeNumberField("low", finite(ch.interval.low));
        g.writeNumberField("high", finite(ch.interval.high));
        g.writeStringField("change", CompareText.signed(ch.interval.estimate, ch.measure));
        g.writeStringField("intervalLabel", CompareText.interval(ch));
        g.writeStringField("verdict", CompareText.verdict(ch));
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "added", c.added);
      strings(g, "vanished", c.vanished);
      g.writeStringField("axisLow", "-100%");
      g.writeStringField("axisHigh", "+400% or more");
      g.writeEndObject();
      body(g, nextRun);
    }));
  }

  private static double finite(double v) {
    return Double.isInfinite(v) ? Math.signum(v) * 1e9 : v;
  }

  private static void body(JsonGenerator g, RunReport r) throws IOException {
    RunInfo run = r.run();
    g.writeStringField("subtitle", run.service() + ", run " + run.shortId() + " (" + run.id() + "), started "
        + run.began() + ", " + Units.count(run.spans()) + " spans, " + r.traces() + " traces, "
        + Units.duration(run.wallNanos() / 1000));
    g.writeObjectFieldStart("tables");
    table(g, "breakdown", TextReport.breakdownTable(r));
    table(g, "roots", TextReport.endToEndTable(r));
    table(g, "models", TextReport.modelsTable(r));
    table(g, "perRoot", TextReport.perRootTable(r));
    Table byValue = TextReport.byValueTable(r);
    if (byValue != null) {
      table(g, "byValue", byValue);
    }
    table(g, "bottlenecks", TextReport.bottlenecksTable(r));
    g.writeEndObject();
    g.writeArrayFieldStart("tree");
    for (BreakdownNode n : r.breakdown().children()) {
      JsonReport.tree(g, n, HtmlReport::nodeFields);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("heatmaps");
    for (RootOperation root : r.roots()) {
      heatmap(g, root.name(), root.overTime());
    }
    g.writeEndArray();
    histograms(g, r);
    models(g, r);
    slowest(g, r);
    g.writeArrayFieldStart("findings");
    for (Finding f : r.findings()) {
      g.writeStartObject();
      g.writeStringField("kind", f.kind().name());
      g.writeStringField("message", f.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("noFindings", TextReport.NO_FINDINGS);
  }

  private static void table(JsonGenerator g, String field, Table t) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeArrayFieldStart("header");
    for (String h : t.header()) {
      g.writeString(h);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("rows");
    for (String[] row : t.rows()) {
      g.writeStartArray();
      for (String cell : row) {
        g.writeString(cell);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void nodeFields(JsonGenerator g, BreakdownNode n) throws IOException {
    Timing t = n.timing();
    g.writeStringField("name", n.name());
    g.writeNumberField("total", t.totalMicros());
    g.writeStringField("label", t.count() == 0 ? "" : Units.count(t.count()) + " calls, total "
        + Units.duration(t.totalMicros()) + ", self " + Units.duration(t.selfMicros()) + ", p50 "
        + Units.duration(t.durations().percentile(50)) + ", p95 " + Units.duration(t.durations().percentile(95))
        + ", errors " + Units.count(t.errors()));
  }

  private static void heatmap(JsonGenerator g, String name, Heatmap h) throws IOException {
    Map<Long, long[]> columns = h.columns();
    if (columns.isEmpty()) {
      return;
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int low = LatencyBuckets.COUNT;
    int high = -1;
    for (Map.Entry<Long, long[]> e : columns.entrySet()) {
      first = Math.min(first, e.getKey());
      last = Math.max(last, e.getKey());
      for (int i = 0; i < LatencyBuckets.COUNT; i++) {
        if (e.getValue()[i] > 0) {
          low = Math.min(low, i);
          high = Math.max(high, i);
        }
      }
    }
    long startNanos = h.originNanos() + first * h.columnNanos();
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("origin", Instant.ofEpochSecond(0, startNanos).toString());
    g.writeStringField("columnLabel", Units.duration(h.columnNanos() / 1000));
    g.writeNumberField("columns", last - first + 1);
    g.writeArrayFieldStart("columnStarts");
    for (long c = first; c <= last; c++) {
      g.writeString("+" + Units.duration((c - first) * h.columnNanos() / 1000));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("rows");
    for (int i = low; i <= high; i++) {
      g.writeString(Units.duration(Math.round(LatencyBuckets.low(i))));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("cells");
    for (Map.Entry<Long, long[]> e : columns.entrySet()) {
      for (int i = low; i <= high; i++) {
        if (e.getValue()[i] > 0) {
          g.writeArray(new long[] {e.getKey() - first, i - low, e.getValue()[i]}, 0, 3);
        }
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void histograms(JsonGenerator g, RunReport r) throws IOException {
    List<OperationStats> ops = new ArrayList<>(r.operations());
    ops.sort(Comparator.comparingLong((OperationStats op) -> op.timing().totalMicros()).reversed());
    g.writeStringField("histogramsNote", "Calls per latency class (four classes per power of ten)"
        + (ops.size() > HISTOGRAMS ? ", for the " + HISTOGRAMS + " operations of " + ops.size()
            + " with the most total time" : "") + ".");
    g.writeArrayFieldStart("histograms");
    for (OperationStats op : ops.subList(0, Math.min(HISTOGRAMS, ops.size()))) {
      Distribution d = op.timing().durations();
      long[] counts = d.buckets();
      int low = 0;
      while (low < counts.length - 1 && counts[low] == 0) {
        low++;
      }
      int high = counts.length - 1;
      while (high > low && counts[high] == 0) {
        high--;
      }
      g.writeStartObject();
      g.writeStringField("name", op.name());
      g.writeStringField("count", Units.count(d.count()));
      g.writeStringField("p50", Units.duration(d.percentile(50)));
      g.writeStringField("p95", Units.duration(d.percentile(95)));
      g.writeStringField("p99", Units.duration(d.percentile(99)));
      g.writeStringField("upTo", Units.duration(Math.round(LatencyBuckets.high(high))));
      g.writeArrayFieldStart("buckets");
      for (int i = low; i <= high; i++) {
        g.writeStartArray();
        g.writeString(Units.duration(Math.round(LatencyBuckets.low(i))));
        g.writeNumber(counts[i]);
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void models(JsonGenerator g, RunReport r) throws IOException {
    g.writeArrayFieldStart("models");
    for (ModelUsage m : r.models()) {
      TokenCounts k = m.tokens();
      g.writeStartObject();
      g.writeStringField("name", TextReport.modelName(m));
      g.writeNumberField("input", k.input());
      g.writeNumberField("cached", k.cached());
      g.writeNumberField("output", k.output());
      g.writeNumberField("reasoning", k.reasoning());
      g.writeNumberField("cost", m.costUsd());
      g.writeArrayFieldStart("labels");
      g.writeString(Units.count(k.input() - k.cached()));
      g.writeString(Units.count(k.cached()));
      g.writeString(Units.count(k.output()));
      g.writeString(Units.count(k.reasoning()));
      g.writeEndArray();
      g.writeStringField("tokensLabel", Units.count(k.input()) + " in, " + Units.count(k.output()) + " out");
      g.writeStringField("costLabel", Units.usd(m.costUsd()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void slowest(JsonGenerator g, RunReport r) throws IOException {
    g.writeArrayFieldStart("slowest");
    for (SlowTrace s : r.slowest()) {
      g.writeStartObject();
      g.writeStringField("root", s.rootName());
      g.writeStringField("traceId", s.traceId());
      g.writeStringField("start", s.start().toString());
      g.writeStringField("duration", Units.duration(s.durationMicros()));
      g.writeNumberField("durationMicros", s.durationMicros());
      g.writeBooleanField("error", s.error());
      g.writeArrayFieldStart("steps");
      for (SlowTrace.PathStep step : s.criticalPath()) {
        g.writeStartObject();
        JsonReport.pathStep(g, step);
        g.writeStringField("offset", Units.duration(step.offsetMicros()));
        g.writeStringField("duration", Units.duration(step.durationMicros()));
        g.writeStringField("self", Units.duration(step.selfMicros()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** The page's data object. */
  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private static String json(Fields fields) throws IOException {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(s)) {
      g.setCharacterEscapes(new ScriptSafe());
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    }
    return s.toString();
  }

  private static void page(Writer to, String json) throws IOException {
    String template = template();
    int at = template.indexOf(DATA);
    to.write(template, 0, at);
    to.write(json);
    to.write(template, at + DATA.length(), template.length() - at - DATA.length());
  }

  private static String template() {
    try (InputStream in = HtmlReport.class.getResourceAsStream("report.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * JSON that can stand inside a script element: {@code <}, {@code >} and {@code &} as {@code \}u
   * escapes, so no {@code </script>} or {@code <!--} can appear in it. (The page reads it with
   * {@code JSON.parse}, never as script, so U+2028 and U+2029 need no escape.)
   */
  static final class ScriptSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    ScriptSafe() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
