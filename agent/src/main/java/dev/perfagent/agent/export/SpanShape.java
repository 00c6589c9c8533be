package dev.perfagent.agent.export;

import dev.perfagent.agent.cost.GenAiKeys;
import dev.perfagent.agent.plan.CompiledPointcut;
import dev.perfagent.agent.plan.Site;
import dev.perfagent.config.Capture;
import dev.perfagent.config.Pointcut;
import dev.perfagent.config.Template;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * What the exporter needs to turn a recorded call of one site into a span: the kind, the attributes
 * every call carries, which recorded value feeds which attribute, and how to spell the name.
 */
final class SpanShape {
  private static final AttributeKey<String> CODE_FUNCTION = AttributeKey.stringKey("code.function.name");
  private static final AttributeKey<Double> TIME_TO_FIRST_ITEM =
      AttributeKey.doubleKey("perf_agent.stream.time_to_first_item");

  private final Site site;
  private final SpanKind kind;
  private final Attributes constantAttributes;
  /** How this site's span attributes sort, by the sequence their keys are put in. */
  private final ReusedAttributesBuilder.Order attributeOrder = new ReusedAttributesBuilder.Order();
  private final String[] captureKeys;
  /** Per capture: the attribute key of its last value, reused while its values keep their type. */
  private final AttributeKey<?>[] captureAttributeKeys;
  private final int[][] captureValueIndexes; // per capture: its path, or its terms
  private final Capture.Kind[] captureKinds;
  private final boolean[] captureIsContent;
  private final String constantName; // null when the name reads values
  private final Attributes metricAttributes;
  private final AttributeKey<Double> timeToFirstItem;
  private final int noteIndex;
  private final int returnLengthIndex;
  private final int poolNameIndex;

  SpanShape(Site site) {
    this.site = site;
    CompiledPointcut compiled = site.pointcut();
    Pointcut config = compiled.config();
    this.kind = SpanKind.valueOf(config.kind().name());
    AttributesBuilder constant = Attributes.builder();
    for (Map.Entry<String, Object> e : config.attributes().entrySet()) {
      AttributeValues.put(constant, e.getKey(), e.getValue());
    }
    constant.put(CODE_FUNCTION, site.className() + "." + site.methodName());
    this.constantAttributes = constant.build();
    this.captureKeys = config.captures().keySet().toArray(new String[0]);
    this.captureAttributeKeys = new AttributeKey<?>[captureKeys.length];
    this.captureValueIndexes = new int[captureKeys.length][];
    this.captureKinds = new Capture.Kind[captureKeys.length];
    this.captureIsContent = new boolean[captureKeys.length];
    int i = 0;
    for (Capture capture : config.captures().values()) {
      captureIsContent[i] = config.capturesContent(captureKeys[i]);
      captureKinds[i] = capture.kind();
      captureValueIndexes[i++] =
          capture.terms().stream().mapToInt(compiled::valueIndex).toArray();
    }
    this.constantName = compiled.constantName() ? name(null) : null;
    this.metricAttributes = Attributes.of(SpanMetrics.POINTCUT, config.name());
    this.timeToFirstItem = isGenAi(config) ? GenAiKeys.TIME_TO_FIRST_CHUNK : TIME_TO_FIRST_ITEM;
    this.noteIndex = compiled.noteIndex();
    this.returnLengthIndex = compiled.returnLengthIndex();
    this.poolNameIndex = compiled.poolNameIndex();
  }

  /** True for the spans of {@code extract: jdbc} pointcuts, completed by {@link DatabaseSpans}. */
  boolean database() {
    return noteIndex >= 0;
  }

  /** The recorded value holding the note of {@code this} ({@link #database()} only). */
  int noteIndex() {
    return noteIndex;
  }

  /** The recorded value holding the length of the returned array ({@link #database()} only). */
  int returnLengthIndex() {
    return returnLengthIndex;
  }

  /**
   * The recorded value holding the pool name of the data source a connection was checked out of
   * ({@code extract: jdbc.pool-checkout}), or -1.
   */
  int poolNameIndex() {
    return poolNameIndex;
  }

  /** The pointcut's constant attribute {@code key}, or null. */
  Object constant(String key) {
    return site.pointcut().config().attributes().get(key);
  }

  private static boolean isGenAi(Pointcut config) {
    return config.attributes().keySet().stream().anyMatch(k -> k.startsWith("gen_ai."))
        || config.captures().keySet().stream().anyMatch(k -> k.startsWith("gen_ai."));
  }

  /**
   * The attribute for the time from a streaming span's start to its first item, in seconds: the
   * GenAI convention's name on GenAI spans, the agent's own elsewhere.
   */
  AttributeKey<Double> timeToFirstItem() {
    return timeToFirstItem;
  }

  /** The attributes of this pointcut's metric points ({@code perf_agent.pointcut}). */
  Attributes metricAttributes() {
    return metricAttributes;
  }

  SpanKind kind() {
    return kind;
  }

  Attributes constantAttributes() {
    return constantAttributes;
  }

  ReusedAttributesBuilder.Order attributeOrder() {
    return attributeOrder;
  }

  int captureCount() {
    return captureKeys.length;
  }

  String captureKey(int i) {
    return captureKeys[i];
  }

  /** The attribute key of capture {@code i} for its non-null {@code value}. */
  AttributeKey<?> captureAttributeKey(int i, Object value) {
    AttributeType type = AttributeValues.typeOf(value);
    AttributeKey<?> key = captureAttributeKeys[i];
    if (key == null || key.getType() != type) {
      key = AttributeValues.key(captureKeys[i], type);
      captureAttributeKeys[i] = key;
    }
    return key;
  }

  /**
   * The value of capture {@code i}: its path's, the sum of its terms', the first of them that has one
   * or the list of their values; message content with its secret-named values masked.
   */
  Object captureValue(int i, IntFunction<Object> values) {
    Object value = combined(i, values);
    return captureIsContent[i] ? ContentRedaction.redact(value) : value;
  }

  private Object combined(int i, IntFunction<Object> values) {
    int[] terms = captureValueIndexes[i];
    switch (captureKinds[i]) {
      case SUM:
        return Sums.of(terms, values);
      case FIRST:
        for (int term : terms) {
          Object value = values.apply(term);
          if (value != null) {
            return value;
          }
        }
        return null;
      case LIST:
        return ValueLists.of(terms, values);
      default:
        return values.apply(terms[0]);
    }
  }

  /** The value of the pointcut's constant attribute or capture named {@code key}; null when none. */
  Object attributeValue(String key, IntFunction<Object> values) {
    Object constant = site.pointcut().config().attributes().get(key);
    if (constant != null) {
      return constant;
    }
    for (int i = 0; i < captureKeys.length; i++) {
      if (captureKeys[i].equals(key)) {
        return values == null ? null : captureValue(i, values);
      }
    }
    return null;
  }

  /** Whether a value capture {@code i} reads was cut to the limits. */
  boolean captureTruncated(int i, IntPredicate truncated) {
    for (int index : captureValueIndexes[i]) {
      if (truncated.test(index)) {
        return true;
      }
    }
    return false;
  }

  /** The span name; {@code values} gives recorded value {@code i} (unused for constant names). */
  String name(IntFunction<Object> values) {
    if (constantName != null) {
      return constantName;
    }
    StringBuilder out = new StringBuilder();
    for (Template.Part part : site.pointcut().config().spanName().parts()) {
      switch (part.kind()) {
        case LITERAL:
          out.append(part.literal());
          break;
        case CLASS_NAME:
          out.append(site.simpleClassName());
          break;
        case METHOD_NAME:
          out.append(site.methodName());
          break;
        case ATTRIBUTE:
          Object attribute = attributeValue(part.literal(), values);
          out.append(attribute == null ? "" : AttributeValues.text(attribute));
          break;
        default:
          Object value = values.apply(site.pointcut().valueIndex(part.path()));
          out.append(value == null ? "" : AttributeValues.text(value));
      }
    }
    return out.toString().trim();
  }
}
