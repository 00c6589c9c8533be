package dev.perfagent.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The entries of one YAML mapping, keyed by their string key, with duplicate, non-string and (optionally)
 * unknown keys reported. A duplicate key keeps its first value.
 */
final class Fields {
  private final MappingNode mapping;
  private final Map<String, NodeTuple> entries;
  private final Set<String> suggested;

  private Fields(MappingNode mapping, Map<String, NodeTuple> entries, Set<String> suggested) {
    this.mapping = mapping;
    this.entries = entries;
    this.suggested = suggested;
  }

  /** Reads a mapping whose keys must be among {@code allowed}. */
  static Fields read(MappingNode mapping, List<String> allowed, Problems problems) {
    return read(mapping, allowed, "key", problems);
  }

  /** Reads a mapping with free-form keys ({@code allowed} null); {@code what} names a key in messages. */
  static Fields read(MappingNode mapping, List<String> allowed, String what, Problems problems) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    Set<String> suggested = new HashSet<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = Nodes.text(keyNode);
      if (key == null) {
        problems.at(keyNode, "expected a string as " + what + ", got " + Nodes.describe(keyNode));
        continue;
      }
      if (allowed != null && !allowed.contains(key)) {
        problems.at(keyNode, unknownKey(key, allowed, suggested));
        continue;
      }
      if (key.isEmpty()) {
        problems.at(keyNode, "empty " + what);
        continue;
      }
      Integer first = firstLine.putIfAbsent(key, Nodes.line(keyNode));
      if (first != null) {
        problems.at(keyNode, "duplicate " + what + " " + Texts.quote(key) + " (first defined at line " + first + ")");
        continue;
      }
      entries.put(key, tuple);
    }
    return new Fields(mapping, entries, suggested);
  }

  private static String unknownKey(String key, Collection<String> allowed, Set<String> suggested) {
    if (key.equals("<<")) {
      return "merge keys ('<<') are not supported; expected one of: " + String.join(", ", allowed);
    }
    String hint = Suggest.closest(key, allowed);
    if (hint != null) {
      suggested.add(hint);
    }
    return "unknown key " + Texts.quote(key) + "; expected one of: " + String.join(", ", allowed)
        + (hint == null ? "" : "; did you mean '" + hint + "'?");
  }

  MappingNode mapping() {
    return mapping;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The value node, or null when the key is absent. */
  Node value(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? null : t.getValueNode();
  }

  /** The key node, or null when the key is absent. */
  Node keyNode(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? null : t.getKeyNode();
  }

  /** Keys in file order. */
  Set<String> keys() {
    return entries.keySet();
  }

  /**
   * Reports a missing required key at the mapping start, unless an unknown key was already reported with
   * "did you mean" this key (one mistake, one message).
   */
  void require(String key, String message, Problems problems) {
    if (!has(key) && !suggested.contains(key)) {
      problems.at(mapping, message);
    }
  }

  /** True when an unknown key was reported with a hint for {@code key}. */
  boolean wasSuggested(String key) {
    return suggested.contains(key);
  }
}
