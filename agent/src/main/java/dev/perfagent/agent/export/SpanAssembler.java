package dev.perfagent.agent.export;

import dev.perfagent.agent.cost.CostEstimator;
import dev.perfagent.agent.plan.Site;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.FlowingValues;
import dev.perfagent.bootstrap.FrozenError;
import dev.perfagent.bootstrap.JdbcNote;
import dev.perfagent.bootstrap.SpanRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/** Builds {@link RecordedSpan}s from drained records. Runs on the exporter thread only. */
final class SpanAssembler {
  private static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");
  private static final AttributeKey<Long> THREAD_ID = AttributeKey.longKey("thread.id");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  private static final AttributeKey<List<String>> TRUNCATED =
      AttributeKey.stringArrayKey("perf_agent.truncated");
  private static final AttributeKey<String> END_REASON = AttributeKey.stringKey("perf_agent.end_reason");
  private static final String STATUS_CODE = "db.response.status_code";
  private static final AttributeKey<Long> STREAM_ITEMS = AttributeKey.longKey("perf_agent.stream.items");
  /** By {@code SpanRecord.END_*}: why a span ended, where it is worth saying. */
  private static final String[] END_REASONS = {null, null, "timeout", "shutdown", "closed", "exhausted"};

  private final SiteRegistry sites;
  private final int maxNameLength;
  private final CostEstimator costs;
  private final AggregateAttributes aggregates;
  private final SpanIds ids;
  private final EpochClock clock;
  private final Resource resource;
  private final SpanMetrics metrics;
  private final ExceptionEvents exceptions;
  private final List<SpanShape> shapes = new ArrayList<>();
  private final SqlSanitizer sanitizer = new SqlSanitizer();
  private final DatabaseSpans databases = new DatabaseSpans(sanitizer);
  private final ReusedAttributesBuilder attributeBuilder = new ReusedAttributesBuilder();
  private final CurrentRecord current = new CurrentRecord();

  /**
   * @param metrics null when no metrics are exported
   * @param maxNameLength span names are cut at this many characters (counted as truncated values)
   */
  SpanAssembler(
      SiteRegistry sites, AggregateAttributes aggregates, SpanIds ids, EpochClock clock,
      Resource resource, SpanMetrics metrics, int maxNameLength, ExceptionEvents exceptions,
      CostEstimator costs) {
    this.maxNameLength = maxNameLength;
    this.costs = costs;
    this.sites = sites;
    this.aggregates = aggregates;
    this.ids = ids;
    this.clock = clock;
    this.resource = resource;
    this.metrics = metrics;
    this.exceptions = exceptions;
  }

  /** The span for {@code record}, or null when its site is unknown. */
  RecordedSpan assemble(SpanRecord record) {
    SpanShape shape = shape(record.siteId());
    if (shape == null) {
      return null;
    }
    current.record = record;
    LongIdSpanContext context = ids.context(record.traceId(), record.spanId());
    SpanContext parent = record.parentId() == 0 ? SpanContext.getInvalid() : context.sameTrace(ids.spanId(record.parentId()));

    AttributesBuilder attributes = attributeBuilder.start(shape.attributeOrder()).putAll(shape.constantAttributes());
    List<String> truncated = null;
    String capturedSql = null;
    String statusCode = null;
    for (int i = 0; i < shape.captureCount(); i++) {
      Object value = shape.captureValue(i, current);
      String key = shape.captureKey(i);
      if (value instanceof String && key.equals(DatabaseSpans.QUERY_TEXT.getKey())) {
        // a literal never reaches an exported attribute, whichever pointcut captured the SQL
        capturedSql = (String) value;
        value = sanitizer.sanitize(capturedSql, String.valueOf(shape.constant(DatabaseSpans.SYSTEM.getKey())));
      } else if (key.equals(STATUS_CODE)) {
        statusCode = value == null ? null : AttributeValues.text(value);
      }
      if (value != null) {
        AttributeValues.put(attributes, shape.captureAttributeKey(i, value), value);
      }
      if (shape.captureTruncated(i, current)) {
        truncated = truncated == null ? new ArrayList<>() : truncated;
        truncated.add(shape.captureKey(i));
      }
    }
    if (truncated != null) {
      attributes.put(TRUNCATED, truncated);
    }
    Object pool = shape.poolNameIndex() < 0 ? null : record.value(shape.poolNameIndex());
    if (pool instanceof String) {
      attributes.put(ConnectionPoolMetrics.POOL_NAME, (String) pool);
    }
    FlowingValues flowing = record.flowing();
    boolean flowingAsIs = true; // the span's values for the flowing keys are the flowing values
    if (flowing != null) {
      for (int i = 0; i < flowing.size(); i++) {
        if (shape.attributeValue(flowing.key(i), current) == null) { // the span's own value wins
          AttributeValues.put(attributes, flowing.key(i), flowing.value(i));
        } else {
          flowingAsIs = false;
        }
      }
    }
    long flowingPut = attributeBuilder.mark();
    if (record.aggregateMask() != 0) {
      aggregates.put(attributes, record);
    }
    if (!record.threadName().isEmpty()) { // virtual threads are unnamed unless the app names them
      attributes.put(THREAD_NAME, record.threadName());
    }
    attributes.put(THREAD_ID, record.threadId());
    if (record.items() >= 0) {
      attributes.put(STREAM_ITEMS, record.items());
      if (record.items() > 0) {
        attributes.put(shape.timeToFirstItem(), (record.firstItemNanos() - record.startNanos()) / 1e9);
      }
    }
    String endReason = END_REASONS[record.endReason()];
    if (endReason != null) {
      attributes.put(END_REASON, endReason);
    }

    long start = clock.epochNanos(record.startNanos());
    long end = clock.epochNanos(record.endNanos());
    FrozenError error = record.error();
    StatusData status = StatusData.unset();
    List<EventData> events = Collections.emptyList();
    if (error != null) {
      attributes.put(ERROR_TYPE, error.type());
      status = exceptions.status(error);
      events = Collections.singletonList(exceptions.event(error, end));
    }
    String name;
    if (shape.database()) {
      Object operation = shape.constant(DatabaseSpans.OPERATION.getKey());
      JdbcNote note = (JdbcNote) record.value(shape.noteIndex());
      name = cut(databases.complete(
          attributes, note, capturedSql,
          (Integer) record.value(shape.returnLengthIndex()), operation == null ? null : operation.toString(),
          statusCode, error != null));
      DatabaseSpans.transaction(attributes, note, record.endNanos());
    } else {
      name = cut(shape.name(current));
    }
    if (flowing != null && flowingAsIs) {
      flowingAsIs = !writtenOver(flowing, flowingPut);
    }
    Attributes built = attributes.build();
    RecordedSpan span =
        new RecordedSpan(
            name, shape.kind(), context, parent, status, start, end,
            shape.kind() == SpanKind.CLIENT ? costs.withCost(built) : built, events, resource);
    if (metrics != null) {
      metrics.record(shape.metricAttributes(), span, flowing, flowingAsIs);
    }
    return span;
  }

  /**
   * Whether one of {@code flowing}'s keys may have a value other than the flowing one: the assembler
   * wrote a key of that name after {@code mark} (a thread, database or error attribute, say), or the
   * cost estimate will.
   */
  private boolean writtenOver(FlowingValues flowing, long mark) {
    for (int i = 0; i < flowing.size(); i++) {
      if (attributeBuilder.changedSince(mark, flowing.key(i)) || flowing.key(i).equals(CostEstimator.COST_KEY)) {
        return true;
      }
    }
    return false;
  }

  private String cut(String name) {
    if (name.length() <= maxNameLength) {
      return name;
    }
    sites.generation().stats().truncatedValues.increment();
    return name.substring(0, maxNameLength);
  }

  private SpanShape shape(int siteId) {
    while (shapes.size() <= siteId) {
      Site site = sites.site(shapes.size());
      if (site == null) {
        return null;
      }
      shapes.add(new SpanShape(site));
    }
    return shapes.get(siteId);
  }

  /**
   * The record being assembled as the functions {@link SpanShape} reads its values through: one
   * object for every span rather than a method reference allocated for each read.
   */
  private static final class CurrentRecord implements IntFunction<Object>, IntPredicate {
    SpanRecord record;

    @Override
    public Object apply(int index) {
      return record.value(index);
    }

    @Override
    public boolean test(int index) {
      return record.truncated(index);
    }
  }
}
