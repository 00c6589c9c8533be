package dev.perfagent.config;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the {@code limits:} mapping. */
final class LimitsReader {
  static final List<String> KEYS =
      List.of("value-length", "list-length", "open-span-timeout", "name-length", "classes-per-pointcut");

  private final Problems problems;
  private final Values values;

  LimitsReader(Problems problems) {
    this.problems = problems;
    this.values = new Values(problems);
  }

  /** The limits, or null when there are problems (all reported). */
  Limits read(MappingNode mapping) {
    Fields f = Fields.read(mapping, KEYS, problems);
    Integer valueLength = Limits.DEFAULT_VALUE_LENGTH;
    if (f.has("value-length")) {
      valueLength = values.integer("value-length", f.value("value-length"), Limits.MIN_VALUE_LENGTH,
          Limits.MAX_VALUE_LENGTH);
    }
    Integer listLength = Limits.DEFAULT_LIST_LENGTH;
    if (f.has("list-length")) {
      listLength = values.integer("list-length", f.value("list-length"), Limits.MIN_LIST_LENGTH,
          Limits.MAX_LIST_LENGTH);
    }
    Long openSpanTimeout = Limits.DEFAULT_OPEN_SPAN_TIMEOUT_NANOS;
    if (f.has("open-span-timeout")) {
      openSpanTimeout = positiveDuration("open-span-timeout", f.value("open-span-timeout"));
    }
    Integer nameLength = Limits.DEFAULT_NAME_LENGTH;
    if (f.has("name-length")) {
      nameLength = values.integer("name-length", f.value("name-length"), Limits.MIN_NAME_LENGTH,
          Limits.MAX_NAME_LENGTH);
    }
    Integer classes = Limits.DEFAULT_CLASSES_PER_POINTCUT;
    if (f.has("classes-per-pointcut")) {
      classes = values.integer("classes-per-pointcut", f.value("classes-per-pointcut"),
          Limits.MIN_CLASSES_PER_POINTCUT, Limits.MAX_CLASSES_PER_POINTCUT);
    }
    if (valueLength == null || listLength == null || openSpanTimeout == null || nameLength == null
        || classes == null) {
      return null;
    }
    return new Limits(valueLength, listLength, openSpanTimeout, nameLength, classes);
  }

  private Long positiveDuration(String key, Node node) {
    Long nanos = values.duration(key, node);
    if (nanos != null && nanos == 0) {
      problems.at(node, key + ": duration " + Texts.quote(Nodes.text(node).trim()) + " must be more than 0");
      return null;
    }
    return nanos;
  }
}
