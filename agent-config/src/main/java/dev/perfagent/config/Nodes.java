package dev.perfagent.config;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Questions about YAML nodes: kind, null-ness, position, a description for messages. */
final class Nodes {
  private Nodes() {}

  /** 1-based line of the node start (0 if unknown). */
  static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  static boolean isPlain(Node node) {
    return node instanceof ScalarNode && ((ScalarNode) node).getScalarStyle() == ScalarStyle.PLAIN;
  }

  /** An empty value, {@code ~} or {@code null} written as a plain scalar. */
  static boolean isNull(Node node) {
    if (!isPlain(node)) {
      return false;
    }
    String v = ((ScalarNode) node).getValue();
    return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
  }

  /** The text of a non-null scalar, else null. */
  static String text(Node node) {
    if (node instanceof ScalarNode && !isNull(node)) {
      return ((ScalarNode) node).getValue();
    }
    return null;
  }

  /** What the node is, for "expected X, got Y" messages. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (isNull(node)) {
      return "an empty value";
    }
    if (node instanceof ScalarNode) {
      String v = ((ScalarNode) node).getValue();
      return isPlain(node) ? Texts.quote(v) : "the quoted string " + Texts.quote(v);
    }
    return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
