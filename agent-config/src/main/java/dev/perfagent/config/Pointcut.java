package dev.perfagent.config;

import java.util.Objects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One entry of {@code pointcuts:}: which methods to instrument and what to record. Immutable. */
public final class Pointcut {
  static final String DEFAULT_SPAN = "{class}.{method}";
  /** The most {@code flow-down} attributes one pointcut marks, and one span carries from above. */
  public static final int MAX_FLOW_DOWN = 4;
  private static final Template DEFAULT_TEMPLATE = Template.parse(DEFAULT_SPAN);

  private final String name;
  private final NamePattern classPattern;
  private final String subtypeOf;
  private final String classAnnotation;
  private final NamePattern methodPattern;
  private final List<String> parameters;
  private final String methodAnnotation;
  private final Template spanName;
  private final SpanKind kind;
  private final Map<String, Object> attributes;
  private final Map<String, Capture> captures;
  private final Map<String, Capture> content;
  private final boolean capturesContent;
  private final List<String> flowDown;
  private final Mode mode;
  private final long minDurationNanos;
  private final SpanEnd end;
  private final Nesting nesting;
  private final String nestingGroup;
  private final int line;
  private final String preset;
  private final Extractor extractor;
  private final List<PropertyPath> allPaths;
  /** What the pointcut was built from, never changed after it: {@link #capturingContent} builds from it again. */
  private final Builder source;

  private Pointcut(Builder b) {
    this(b, false);
  }

  /** With {@code capturesContent}, the {@code content:} captures come after the others in {@link #captures}. */
  private Pointcut(Builder b, boolean capturesContent) {
    this.name = b.name;
    this.classPattern = b.classPattern;
    this.subtypeOf = b.subtypeOf;
    this.classAnnotation = b.classAnnotation;
    this.methodPattern = b.methodPattern;
    this.parameters = b.parameters == null ? null : Collections.unmodifiableList(new ArrayList<>(b.parameters));
    this.methodAnnotation = b.methodAnnotation;
    this.spanName = b.spanName == null ? DEFAULT_TEMPLATE : b.spanName;
    this.kind = b.kind;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    Map<String, Capture> inForce = new LinkedHashMap<>(b.captures);
    if (capturesContent) {
      inForce.putAll(b.content);
    }
    this.captures = Collections.unmodifiableMap(inForce);
    this.content = Collections.unmodifiableMap(new LinkedHashMap<>(b.content));
    this.capturesContent = capturesContent && !content.isEmpty();
    this.source = b;
    this.flowDown = List.copyOf(b.flowDown);
    this.mode = b.mode;
    this.minDurationNanos = b.minDurationNanos;
    this.end = b.end;
    this.nesting = b.nesting;
    this.nestingGroup = b.group == null ? b.name : b.group;
    this.line = b.line;
    this.preset = b.preset;
    this.extractor = b.extractor;
    Set<PropertyPath> paths = new LinkedHashSet<>();
    captures.values().forEach(c -> paths.addAll(c.terms()));
    for (Template.Part part : spanName.parts()) {
      if (part.kind() == Template.Part.Kind.PATH) {
        paths.add(part.path());
      }
    }
    this.allPaths = Collections.unmodifiableList(new ArrayList<>(paths));
  }

  /** Unique name of the pointcut. */
  public String name() {
    return name;
  }

  /** {@code class:} pattern, if given. */
  public Optional<NamePattern> classPattern() {
    return Optional.ofNullable(classPattern);
  }

  /** {@code subtype-of:} exact class or interface name, if given. */
  public Optional<String> subtypeOf() {
    return Optional.ofNullable(subtypeOf);
  }

  /** {@code class-annotation:} exact annotation type name, if given. */
  public Optional<String> classAnnotation() {
    return Optional.ofNullable(classAnnotation);
  }

  /** {@code method:} pattern. */
  public NamePattern methodPattern() {
    return methodPattern;
  }

  /** Exact parameter type names if {@code parameters:} is given (an empty list means no-arg methods). */
  public Optional<List<String>> parameters() {
    return Optional.ofNullable(parameters);
  }

  /** {@code method-annotation:} exact annotation type name, if given. */
  public Optional<String> methodAnnotation() {
    return Optional.ofNullable(methodAnnotation);
  }

  /** Span name template; {@code {class}.{method}} when not given. */
  public Template spanName() {
    return spanName;
  }

  public SpanKind kind() {
    return kind;
  }

  /** Static attributes: String, Long, Double or Boolean values; unmodifiable, in file order. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /**
   * Captured attributes: attribute name to what is read (a path or a sum); unmodifiable, in file order.
   * When message content is captured ({@link #capturingContent}), the {@code content:} entries follow.
   */
  public Map<String, Capture> captures() {
    return captures;
  }

  /**
   * The {@code content:} captures (prompts, completions, tool arguments and results), as written,
   * whether message content is captured or not; unmodifiable, in file order.
   */
  public Map<String, Capture> content() {
    return content;
  }

  /** Whether {@code key} is one of the {@code content:} captures and is read. */
  public boolean capturesContent(String key) {
    return capturesContent && content.containsKey(key);
  }

  /** This pointcut with its {@code content:} captures read too; itself when it has none. */
  Pointcut capturingContent() {
    return content.isEmpty() || capturesContent ? this : new Pointcut(source, true);
  }

  /**
   * The {@code flow-down} keys: captures (each one {@code this} or {@code argN} path) whose value,
   * read when a call starts, every span beneath the call carries unless it has its own; in file order.
   */
  public List<String> flowDown() {
    return flowDown;
  }

  public Mode mode() {
    return mode;
  }

  /** Calls shorter than this record no span; 0 records all. */
  public long minDurationNanos() {
    return minDurationNanos;
  }

  /** When the span of a call ends; {@link SpanEnd#AUTO} when not given. */
  public SpanEnd end() {
    return end;
  }

  public Nesting nesting() {
    return nesting;
  }

  /** Name of the {@link #nesting()} group: the {@code group:} value if given, else {@link #name()}. */
  public String nestingGroup() {
    return nestingGroup;
  }

  /** 1-based line of the pointcut in the file. */
  public int line() {
    return line;
  }

  /** The built-in preset this pointcut comes from; empty for the user's own. */
  public Optional<String> preset() {
    return Optional.ofNullable(preset);
  }

  /** The agent code the pointcut uses ({@code extract}), if any. */
  public Optional<Extractor> extractor() {
    return Optional.ofNullable(extractor);
  }

  /** Every distinct path the pointcut reads: capture paths, then span-template paths, in order. */
  public List<PropertyPath> allPaths() {
    return allPaths;
  }

  @Override
  public String toString() {
    return "Pointcut{" + name + " line " + line + "}";
  }

  /** Collects the fields while reading; {@link #build()} makes the immutable pointcut. */
  static final class Builder {
    String name;
    NamePattern classPattern;
    String subtypeOf;
    String classAnnotation;
    NamePattern methodPattern;
    List<String> parameters;
    String methodAnnotation;
    Template spanName;
    SpanKind kind = SpanKind.INTERNAL;
    final Map<String, Object> attributes = new LinkedHashMap<>();
    final Map<String, Capture> captures = new LinkedHashMap<>();
    final Map<String, Capture> content = new LinkedHashMap<>();
    List<String> flowDown = List.of();
    Mode mode = Mode.SPAN;
    long minDurationNanos;
    SpanEnd end = SpanEnd.AUTO;
    Nesting nesting = Nesting.ALL;
    String group;
    int line;
    String preset;
    Extractor extractor;

    Pointcut build() {
      return new Pointcut(this);
    }
  }

  /** Equal when it instruments and records the same: where it stands in the file ({@link #line}) does not count. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Pointcut)) {
      return false;
    }
    Pointcut o = (Pointcut) other;
    return Objects.equals(name, o.name) && Objects.equals(classPattern, o.classPattern) && Objects.equals(subtypeOf, o.subtypeOf) && Objects.equals(classAnnotation, o.classAnnotation) && Objects.equals(methodPattern, o.methodPattern) && Objects.equals(parameters, o.parameters) && Objects.equals(methodAnnotation, o.methodAnnotation) && Objects.equals(spanName, o.spanName) && kind == o.kind && Objects.equals(attributes, o.attributes) && Objects.equals(captures, o.captures) && Objects.equals(content, o.content) && capturesContent == o.capturesContent && Objects.equals(flowDown, o.flowDown) && mode == o.mode && minDurationNanos == o.minDurationNanos && end == o.end && nesting == o.nesting && Objects.equals(nestingGroup, o.nestingGroup) && Objects.equals(preset, o.preset) && extractor == o.extractor;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, classPattern, subtypeOf, classAnnotation, methodPattern, parameters, methodAnnotation, spanName, kind, attributes, captures, content, capturesContent, flowDown, mode, minDurationNanos, end, nesting, nestingGroup, preset, extractor);
  }
}
