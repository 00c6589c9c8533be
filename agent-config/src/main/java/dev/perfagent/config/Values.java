package dev.perfagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads typed values from YAML nodes. Every method reports a problem (prefixed with the key) and returns
 * null when the node does not have the expected shape.
 */
final class Values {
  private final Problems problems;

  Values(Problems problems) {
    this.problems = problems;
  }

  /** Any non-empty scalar, as written (plain or quoted). */
  String string(String key, Node node) {
    String text = Nodes.text(node);
    if (text == null) {
      problems.at(node, key + ": expected a string, got " + Nodes.describe(node));
      return null;
    }
    if (text.isEmpty()) {
      problems.at(node, key + ": must not be empty");
      return null;
    }
    return text;
  }

  /** A mapping; an empty value counts as an empty mapping (returns null without a problem). */
  MappingNode mapping(String key, Node node, String expected) {
    if (node instanceof MappingNode) {
      return (MappingNode) node;
    }
    if (!Nodes.isNull(node)) {
      problems.at(node, key + ": expected " + expected + ", got " + Nodes.describe(node));
    }
    return null;
  }

  /** A plain integer scalar in {@code [min, max]}. */
  Integer integer(String key, Node node, int min, int max) {
    String text = Nodes.isPlain(node) ? Nodes.text(node) : null;
    if (text != null && ScalarTypes.isInteger(text)) {
      try {
        long v = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        if (v >= min && v <= max) {
          return (int) v;
        }
      } catch (NumberFormatException tooLong) {
        // reported below
      }
    }
    problems.at(node, key + ": expected an integer between " + min + " and " + max + ", got "
        + Nodes.describe(node));
    return null;
  }

  /** One of {@code allowed} (case-insensitive), returned in lower case. */
  String choice(String key, Node node, List<String> allowed) {
    String text = Nodes.text(node);
    if (text != null) {
      String lower = text.toLowerCase(Locale.ROOT);
      if (allowed.contains(lower)) {
        return lower;
      }
      String hint = Suggest.closest(text, allowed);
      problems.at(node, key + ": invalid value " + Texts.quote(text) + "; expected one of: "
          + String.join(", ", allowed) + (hint == null ? "" : "; did you mean '" + hint + "'?"));
      return null;
    }
    problems.at(node, key + ": expected one of: " + String.join(", ", allowed) + ", got " + Nodes.describe(node));
    return null;
  }

  /** A constant of {@code type}, written as its name in lower case (case-insensitive). */
  <E extends Enum<E>> E choice(String key, Node node, Class<E> type) {
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(constant.name().toLowerCase(Locale.ROOT));
    }
    String value = choice(key, node, allowed);
    return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
  }

  /** A plain {@code true} or {@code false}; quoted, it is a string and rejected. */
  Boolean bool(String key, Node node) {
    Boolean value = Nodes.isPlain(node) ? ScalarTypes.bool(((ScalarNode) node).getValue()) : null;
    if (value == null) {
      problems.at(node, key + ": expected true or false, got " + Nodes.describe(node));
    }
    return value;
  }

  /** A {@link Durations duration} in nanoseconds. */
  Long duration(String key, Node node) {
    String text = Nodes.text(node);
    if (text == null) {
      problems.at(node, key + ": expected a duration such as 2ms, got " + Nodes.describe(node));
      return null;
    }
    try {
      return Durations.parseNanos(text);
    } catch (IllegalArgumentException e) {
      problems.at(node, key + ": " + e.getMessage());
      return null;
    }
  }

  /** A list of non-empty scalars (flow {@code [a, b]} or block style). */
  List<String> stringList(String key, Node node) {
    if (!(node instanceof SequenceNode)) {
      problems.at(node, key + ": expected a list of strings, got " + Nodes.describe(node)
          + (node instanceof ScalarNode && !Nodes.isNull(node) ? " (write [" + Texts.shorten(((ScalarNode) node).getValue()) + "])" : ""));
      return null;
    }
    List<String> result = new ArrayList<>();
    boolean ok = true;
    for (Node item : ((SequenceNode) node).getValue()) {
      String text = Nodes.text(item);
      if (text == null || text.isEmpty()) {
        problems.at(item, key + ": expected a list of strings, got " + Nodes.describe(item) + " as an element");
        ok = false;
      } else {
        result.add(text);
      }
    }
    return ok ? result : null;
  }

  /**
   * A static attribute value: plain scalars that look like integers become Long, floats Double,
   * true/false Boolean; everything else (and every quoted scalar) String.
   */
  Object attributeValue(String key, Node node) {
    if (!(node instanceof ScalarNode) || Nodes.isNull(node)) {
      problems.at(node, key + ": expected a string, number or boolean, got " + Nodes.describe(node));
      return null;
    }
    String text = ((ScalarNode) node).getValue();
    if (!Nodes.isPlain(node)) {
      return text;
    }
    try {
      return ScalarTypes.typed(text);
    } catch (NumberFormatException e) {
      problems.at(node, key + ": integer " + Texts.quote(text)
          + " is out of range for a 64-bit long; quote it to use it as a string");
      return null;
    }
  }
}
