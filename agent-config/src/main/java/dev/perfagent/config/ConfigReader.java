package dev.perfagent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads the top-level mapping ({@code service}, {@code export}, {@code pointcuts}, ...) of one file. */
final class ConfigReader {
  static final List<String> KEYS = List.of("service", "export", "pointcuts", "propagation", "limits");

  private final Problems problems;
  private final Values values;

  ConfigReader(Problems problems) {
    this.problems = problems;
    this.values = new Values(problems);
  }

  /** The configuration, or null when there are problems (all reported). */
  AgentConfig read(Node root) {
    if (Nodes.isNull(root)) {
      return AgentConfig.empty(problems.source());
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
    Limits limits = section(f, "limits", Limits.defaults(), new LimitsReader(problems)::read);

    List<Pointcut> pointcuts = new ArrayList<>();
    f.require("pointcuts", "missing required key 'pointcuts' (a list of pointcuts; write 'pointcuts: []' for none)",
        problems);
    if (f.has("pointcuts")) {
      Node node = f.value("pointcuts");
      if (node instanceof SequenceNode) {
        PointcutReader reader = new PointcutReader(problems);
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
    if (!problems.isEmpty()) {
      return null;
    }
    return new AgentConfig(service, export, propagation, limits, pointcuts, problems.source());
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
