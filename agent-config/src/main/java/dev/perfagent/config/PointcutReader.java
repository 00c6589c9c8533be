package dev.perfagent.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads the entries of {@code pointcuts:}; one instance per file (it remembers names to find duplicates). */
final class PointcutReader {
  static final List<String> KEYS = List.of("name", "class", "subtype-of", "class-annotation", "method",
      "parameters", "method-annotation", "span", "kind", "attributes", "capture", "flow-down", "content", "mode",
      "min-duration", "end", "nesting", "group", "extract");
  private static final List<String> NOT_WITH_AGGREGATE =
      List.of("span", "capture", "flow-down", "content", "min-duration", "end", "nesting", "group");
  private static final List<String> NOT_WITH_NOTES = List.of("span", "kind", "attributes", "capture", "flow-down",
      "content", "mode", "min-duration", "end", "nesting", "group");
  private static final List<String> NOT_WITH_GUARD =
      List.of("span", "kind", "attributes", "capture", "flow-down", "content", "mode", "min-duration", "end");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");

  private final Problems problems;
  private final Values values;
  /** Pointcut name to the line where it was first defined. */
  private final Map<String, Integer> names = new HashMap<>();

  private final String preset;

  /** {@code preset}: the built-in preset being read, or null for the user's file. */
  PointcutReader(Problems problems, String preset) {
    this.problems = problems;
    this.values = new Values(problems);
    this.preset = preset;
  }

  /** The pointcut, or null when it has problems (all of them reported). */
  Pointcut read(Node node) {
    if (!(node instanceof MappingNode)) {
      problems.at(node, "expected a pointcut (a mapping with name, class or subtype-of, method, ...), got "
          + Nodes.describe(node));
      return null;
    }
    MappingNode mapping = (MappingNode) node;
    Fields f = Fields.read(mapping, KEYS, problems);
    Pointcut.Builder b = new Pointcut.Builder();
    b.line = Nodes.line(mapping);
    b.preset = preset;
    boolean ok = true;

    if (f.has("name")) {
      b.name = uniqueName(f.value("name"));
      ok &= b.name != null;
    }
    String label = b.name == null ? "pointcut" : "pointcut '" + b.name + "'";
    ok &= require(f, "name", "pointcut is missing required key 'name'");
    ok &= require(f, "method", label + " is missing required key 'method'");
    if (!f.has("class") && !f.has("subtype-of") && !f.wasSuggested("class") && !f.wasSuggested("subtype-of")) {
      problems.at(mapping, label + " needs 'class' or 'subtype-of' (or both)");
      ok = false;
    }

    if (f.has("class")) {
      b.classPattern = pattern("class", "class pattern", f.value("class"), true);
      ok &= b.classPattern != null;
    }
    if (f.has("subtype-of")) {
      b.subtypeOf = className("subtype-of", f.value("subtype-of"));
      ok &= b.subtypeOf != null;
    }
    if (f.has("class-annotation")) {
      b.classAnnotation = className("class-annotation", f.value("class-annotation"));
      ok &= b.classAnnotation != null;
    }
    if (f.has("method")) {
      b.methodPattern = pattern("method", "method pattern", f.value("method"), false);
      ok &= b.methodPattern != null;
    }
    if (f.has("parameters")) {
      b.parameters = parameters(f.value("parameters"));
      ok &= b.parameters != null;
    }
    if (f.has("method-annotation")) {
      b.methodAnnotation = className("method-annotation", f.value("method-annotation"));
      ok &= b.methodAnnotation != null;
    }
    if (f.has("kind")) {
      b.kind = values.choice("kind", f.value("kind"), SpanKind.class);
      ok &= b.kind != null;
    }
    if (f.has("attributes")) {
      ok &= attributes(f.value("attributes"), b.attributes);
    }
    boolean capturesOk = !f.has("capture") || captures("capture", f.value("capture"), b, b.captures);
    ok &= capturesOk;
    if (f.has("content")) {
      ok &= captures("content", f.value("content"), b, b.content);
    }
    if (f.has("flow-down")) {
      b.flowDown = flowDown(f.value("flow-down"), b, capturesOk);
      ok &= b.flowDown != null;
    }
    if (f.has("span")) {
      b.spanName = template(f.value("span"), b);
      ok &= b.spanName != null;
    }
    if (f.has("mode")) {
      b.mode = values.choice("mode", f.value("mode"), Mode.class);
      ok &= b.mode != null;
    }
    if (f.has("min-duration")) {
      Long nanos = values.duration("min-duration", f.value("min-duration"));
      ok &= nanos != null;
      b.minDurationNanos = nanos == null ? 0 : nanos;
    }
    if (f.has("end")) {
      b.end = values.choice("end", f.value("end"), SpanEnd.class);
      ok &= b.end != null;
    }
    if (f.has("nesting")) {
      b.nesting = values.choice("nesting", f.value("nesting"), Nesting.class);
      ok &= b.nesting != null;
    }
    if (f.has("group")) {
      b.group = name("group", "group", f.value("group"));
      ok &= b.group != null;
    }
    if (f.has("extract")) {
      String extract = values.choice("extract", f.value("extract"), Extractor.names());
      b.extractor = extract == null ? null : Extractor.of(extract);
      ok &= b.extractor != null;
    }
    return combinationsOk(f, b) && ok ? b.build() : null;
  }

  /**
   * Keys that are fine alone but not together. 'group' is not blamed when 'nesting' was bad or misspelled:
   * that mistake was reported already.
   */
  private boolean combinationsOk(Fields f, Pointcut.Builder b) {
    boolean ok = true;
    if (b.extractor != null && b.extractor.notes()) {
      ok = none(f, NOT_WITH_NOTES, "extract: " + b.extractor.text() + " (it notes a value and records no span)");
    } else if (b.extractor == Extractor.JDBC_GUARD) {
      ok = none(f, NOT_WITH_GUARD, "extract: jdbc.guard (it only opens its nesting group and records no span)");
      if (b.nesting != Nesting.OUTERMOST) {
        problems.at(f.keyNode("extract"), "extract: jdbc.guard needs nesting: outermost and the group it opens");
        ok = false;
      }
    } else if (b.extractor != null && b.extractor.readsNote() && (f.has("span") || b.mode == Mode.AGGREGATE)) {
      problems.at(f.keyNode(f.has("span") ? "span" : "mode"), "'" + (f.has("span") ? "span" : "mode: aggregate")
          + "' cannot be used with extract: " + b.extractor.text()
          + " (its spans are named as the database conventions say)");
      ok = false;
    } else if (b.mode == Mode.AGGREGATE) {
      ok = none(f, NOT_WITH_AGGREGATE, "mode: aggregate (aggregate mode records no span)");
    } else if (b.end != SpanEnd.CLOSE && b.end != SpanEnd.CALLBACK && readsChunks(b)) {
      String at = f.has("end") ? "end" : f.has("capture") ? "capture" : "content";
      problems.at(f.keyNode(at), "'chunk' paths read the items of"
          + " the stream the method returns or of the callback it takes; they need end: close or end: callback");
      ok = false;
    } else if (f.has("group") && b.nesting == Nesting.ALL && !f.wasSuggested("nesting")) {
      problems.at(f.keyNode("group"), "'group' only applies with nesting: outermost");
      ok = false;
    }
    return ok;
  }

  /** Reports each of {@code keys} present, as one that cannot be used with {@code what}; true when none is. */
  private boolean none(Fields f, List<String> keys, String what) {
    boolean ok = true;
    for (String key : keys) {
      if (f.has(key)) {
        problems.at(f.keyNode(key), "'" + key + "' cannot be used with " + what);
        ok = false;
      }
    }
    return ok;
  }

  private static boolean readsChunks(Pointcut.Builder b) {
    return Stream.concat(b.captures.values().stream(), b.content.values().stream())
        .anyMatch(c -> c.terms().stream().anyMatch(p -> p.root() == PropertyPath.Root.CHUNK));
  }

  private boolean require(Fields f, String key, String message) {
    if (f.has(key)) {
      return true;
    }
    f.require(key, message, problems);
    return false;
  }

  private String uniqueName(Node node) {
    String name = name("name", "pointcut", node);
    if (name == null) {
      return null;
    }
    Integer first = names.putIfAbsent(name, Nodes.line(node));
    if (first != null) {
      problems.at(node, "duplicate pointcut name '" + name + "' (first defined at line " + first + ")");
      return null;
    }
    return name;
  }

  /** A pointcut or group name: letters, digits and _ . : - only. */
  private String name(String key, String what, Node node) {
    String name = values.string(key, node);
    if (name != null && !NAME.matcher(name).matches()) {
      problems.at(node, key + ": invalid " + what + " name " + Texts.quote(name)
          + "; use only letters, digits and _ . : -");
      return null;
    }
    return name;
  }

  private NamePattern pattern(String key, String what, Node node, boolean allowDots) {
    String text = values.string(key, node);
    if (text == null) {
      return null;
    }
    try {
      return NamePattern.parse(text, allowDots);
    } catch (IllegalArgumentException e) {
      problems.at(node, key + ": invalid " + what + " " + Texts.quote(text) + ": " + e.getMessage());
      return null;
    }
  }

  private String className(String key, Node node) {
    String text = values.string(key, node);
    if (text == null) {
      return null;
    }
    try {
      JavaNames.checkClassName(text);
      return text;
    } catch (IllegalArgumentException e) {
      problems.at(node, key + ": invalid class name " + Texts.quote(text) + ": " + e.getMessage());
      return null;
    }
  }

  private List<String> parameters(Node node) {
    List<String> types = values.stringList("parameters", node);
    if (types == null) {
      return null;
    }
    boolean ok = true;
    List<Node> items = ((SequenceNode) node).getValue();
    for (int i = 0; i < types.size(); i++) {
      try {
        JavaNames.checkTypeName(types.get(i));
      } catch (IllegalArgumentException e) {
        problems.at(items.get(i), "parameters: invalid type " + Texts.quote(types.get(i)) + ": " + e.getMessage());
        ok = false;
      }
    }
    return ok ? types : null;
  }

  private static String placeholderHint(String name, Pointcut.Builder b) {
    if (name.equalsIgnoreCase("class") || name.equalsIgnoreCase("method")) {
      return " (the built-ins are {class} and {method})";
    }
    int dot = name.indexOf('.');
    String root = Suggest.closest(dot < 0 ? name : name.substring(0, dot), List.of("this", "return", "thrown"));
    if (root != null && dot > 0) {
      return "; did you mean '" + root + name.substring(dot) + "'?";
    }
    List<String> keys = new ArrayList<>(b.captures.keySet());
    keys.addAll(b.attributes.keySet());
    String key = Suggest.closest(name, keys);
    return key == null ? "" : "; did you mean '" + key + "'?";
  }

  private Template template(Node node, Pointcut.Builder b) {
    String text = values.string("span", node);
    if (text == null) {
      return null;
    }
    Template template;
    try {
      template = Template.parse(text);
    } catch (IllegalArgumentException e) {
      problems.at(node, "span: invalid template " + Texts.quote(text) + ": " + e.getMessage());
      return null;
    }
    boolean ok = true;
    for (Template.Part part : template.parts()) {
      if (part.kind() == Template.Part.Kind.PATH) {
        ok &= argExists("span", part.path(), node, b.parameters);
      } else if (part.kind() == Template.Part.Kind.ATTRIBUTE
          && !b.captures.containsKey(part.literal()) && !b.attributes.containsKey(part.literal())) {
        problems.at(node, "span: {" + part.literal() + "} is neither a path (starting with this, return,"
            + " thrown, chunk or argN) nor an attribute or capture of this pointcut" + placeholderHint(part.literal(), b));
        ok = false;
      }
    }
    return ok ? template : null;
  }

  private boolean attributes(Node node, Map<String, Object> into) {
    MappingNode mapping = values.mapping("attributes", node, "a mapping of attribute names to values");
    if (mapping == null) {
      return Nodes.isNull(node);
    }
    boolean ok = true;
    Fields f = Fields.read(mapping, null, "attribute name", problems);
    ok &= f.keys().size() == mapping.getValue().size();
    for (String key : f.keys()) {
      Object value = values.attributeValue("attribute " + Texts.quote(key), f.value(key));
      if (value == null) {
        ok = false;
      } else {
        into.put(key, value);
      }
    }
    return ok;
  }

  /**
   * Reads {@code capture:} or {@code content:} (the same paths, read only when message content is
   * captured) into {@code into}; an attribute may be set by one of attributes, capture and content.
   */
  private boolean captures(String section, Node node, Pointcut.Builder b, Map<String, Capture> into) {
    MappingNode mapping = values.mapping(section, node, "a mapping of attribute names to property paths");
    if (mapping == null) {
      return Nodes.isNull(node);
    }
    Fields f = Fields.read(mapping, null, "attribute name", problems);
    boolean ok = f.keys().size() == mapping.getValue().size();
    for (String key : f.keys()) {
      String label = section + " " + Texts.quote(key);
      Node valueNode = f.value(key);
      String alsoIn = b.attributes.containsKey(key) ? "attributes" : into != b.captures && b.captures.containsKey(key)
          ? "capture" : null;
      if (alsoIn != null) {
        problems.at(f.keyNode(key), label + ": attribute is also set in '" + alsoIn + "'; use one or the other");
        ok = false;
        continue;
      }
      boolean list = valueNode instanceof SequenceNode;
      List<String> items = list ? values.stringList(label, valueNode) : null;
      String text = list ? (items == null ? null : String.join(", ", items)) : values.string(label, valueNode);
      if (text == null) {
        ok = false;
        continue;
      }
      try {
        Capture capture = list ? Capture.list(items) : Capture.parse(text);
        boolean argsExist = true;
        for (PropertyPath path : capture.terms()) {
          argsExist &= argExists(label, path, valueNode, b.parameters);
        }
        if (argsExist) {
          into.put(key, capture);
        } else {
          ok = false;
        }
      } catch (IllegalArgumentException e) {
        problems.at(valueNode, label + ": invalid " + (list ? "list [" + text + "]" : "path " + Texts.quote(text))
            + ": " + e.getMessage());
        ok = false;
      }
    }
    return ok;
  }

  /**
   * The {@code flow-down} keys: captures of this pointcut that are one {@code this} or {@code argN}
   * path, since their value is read when the call starts; at most {@link Pointcut#MAX_FLOW_DOWN}.
   * {@code capturesOk}: false when {@code capture:} had problems (reported already), so that a key it
   * lost is not blamed again.
   */
  private List<String> flowDown(Node node, Pointcut.Builder b, boolean capturesOk) {
    List<String> keys = values.stringList("flow-down", node);
    if (keys == null) {
      return null;
    }
    List<Node> items = ((SequenceNode) node).getValue();
    boolean ok = true;
    if (keys.size() > Pointcut.MAX_FLOW_DOWN) {
      problems.at(node, "flow-down: " + keys.size() + " attributes; at most " + Pointcut.MAX_FLOW_DOWN
          + " can flow down from one pointcut");
      ok = false;
    }
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      Capture capture = b.captures.get(key);
      if (capture == null) {
        if (capturesOk) {
          String near = Suggest.closest(key, b.captures.keySet());
          problems.at(items.get(i), "flow-down: " + Texts.quote(key) + " names no capture of this pointcut"
              + (near == null ? "" : "; did you mean '" + near + "'?"));
        }
        ok = false;
      } else if (capture.kind() != Capture.Kind.PATH || !knownAtStart(capture.path())) {
        problems.at(items.get(i), "flow-down: " + Texts.quote(key) + " captures " + Texts.quote(capture.toString())
            + "; only a single this or argN path can flow down (its value is read when the call starts)");
        ok = false;
      } else if (keys.indexOf(key) < i) {
        problems.at(items.get(i), "flow-down: " + Texts.quote(key) + " is listed twice");
        ok = false;
      }
    }
    return ok ? keys : null;
  }

  private static boolean knownAtStart(PropertyPath path) {
    return path.root() == PropertyPath.Root.ARG || path.root() == PropertyPath.Root.THIS;
  }

  /** With {@code parameters} given, an argN path must name an existing parameter. */
  private boolean argExists(String label, PropertyPath path, Node node, List<String> parameters) {
    if (parameters == null || path.root() != PropertyPath.Root.ARG || path.argIndex() < parameters.size()) {
      return true;
    }
    String takes = parameters.isEmpty() ? "no parameters" : Texts.count(parameters.size(), "parameter");
    problems.at(node, label + ": arg" + path.argIndex() + " does not exist: the method takes " + takes);
    return false;
  }
}
