package dev.perfagent.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads the top-level mapping ({@code service}, {@code export}, {@code pointcuts}, ...) of one file. */
final class ConfigReader {
  static final List<String> KEYS =
      List.of(
          "service", "export", "presets", "prices", "pointcuts", "propagation", "limits", "content", "watch");

  private final Problems problems;
  private final Values values;
  private final String preset;

  /** {@code preset}: the built-in preset being read (its pointcuts only), or null for a user's file. */
  ConfigReader(Problems problems, String preset) {
    this.problems = problems;
    this.values = new Values(problems);
    this.preset = preset;
  }

  /** The configuration, or null when there are problems (all reported). */
  AgentConfig read(Node root) {
    if (Nodes.isNull(root)) {
      return AgentConfig.defaults(problems.source());
    }
    if (!(root instanceof MappingNode)) {
      problems.at(root, "expected a mapping with the keys " + String.join(", ", KEYS) + " at the top level, got "
          + Nodes.describe(root));
      return null;
    }
    Fields f = Fields.read((MappingNode) root, KEYS, problems);
    String service = f.has("service") ? values.string("service", f.value("service")) : null;
    ExportSettings export = section(f, "export", ExportSettings.defaults(), new ExportReader(problems)::read);
    Boolean propagation = f.has("propagation") ? values.bool("propagation", f.value("propagation")) : Boolean.TRUE;
    Boolean watch = f.has("watch") ? values.bool("watch", f.value("watch")) : Boolean.TRUE;
    Limits limits = section(f, "limits", Limits.defaults(), new LimitsReader(problems)::read);
    ContentSettings content = section(f, "content", ContentSettings.defaults(), new ContentReader(problems)::read);
    List<String> presets = f.has("presets") ? presets(f.value("presets")) : Presets.NAMES;
    Map<String, Price> prices = section(f, "prices", Map.of(), new PricesReader(problems)::read);

    List<Pointcut> pointcuts = new ArrayList<>();
    if (f.has("pointcuts")) {
      Node node = f.value("pointcuts");
      if (node instanceof SequenceNode) {
        PointcutReader reader = new PointcutReader(problems, preset);
        for (Node item : ((SequenceNode) node).getValue()) {
          Pointcut p = reader.read(item);
          if (p != null) {
            pointcuts.add(p);
          }
        }
      } else if (!Nodes.isNull(node)) {
        problems.at(node, "pointcuts: expected a list of pointcuts, got " + Nodes.describe(node));
      }
    }
    if (!problems.isEmpty() || presets == null || prices == null) {
      return null;
    }
    return new AgentConfig(service, export, propagation, watch, limits, content, pointcuts,
        preset == null ? presets : List.of(), prices, problems.source());
  }

  /** {@code all}, {@code none} or a list of preset names; the names in {@link Presets#NAMES} order. */
  private List<String> presets(Node node) {
    String expected = "expected all, none or a list of presets (" + String.join(", ", Presets.NAMES) + ")";
    if (node instanceof ScalarNode) {
      String word = values.choice("presets", node, List.of(Presets.ALL, Presets.NONE));
      return word == null ? null : word.equals(Presets.ALL) ? Presets.NAMES : List.of();
    }
    if (!(node instanceof SequenceNode)) {
      problems.at(node, "presets: " + expected + ", got " + Nodes.describe(node));
      return null;
    }
    Set<String> chosen = new HashSet<>();
    boolean ok = true;
    for (Node item : ((SequenceNode) node).getValue()) {
      String name = values.choice("presets", item, Presets.NAMES);
      ok &= name != null;
      if (name != null) {
        chosen.add(name);
      }
    }
    if (!ok) {
      return null;
    }
    List<String> ordered = new ArrayList<>(Presets.NAMES);
    ordered.retainAll(chosen);
    return ordered;
  }

  /** A mapping section read by {@code reader}; {@code defaults} when absent or empty. */
  private <T> T section(Fields f, String key, T defaults, Function<MappingNode, T> reader) {
    if (!f.has(key)) {
      return defaults;
    }
    MappingNode m = values.mapping(key, f.value(key), "a mapping");
    return m == null ? defaults : reader.apply(m);
  }
}
