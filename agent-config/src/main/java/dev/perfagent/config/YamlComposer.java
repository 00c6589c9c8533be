package dev.perfagent.config;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Turns YAML text into a node tree (with positions) using SnakeYAML Engine's composer. Scalars are left
 * untyped (failsafe schema); the readers decide types themselves. Syntax errors become one problem.
 */
final class YamlComposer {
  /** Largest accepted input, in characters (8 MiB). */
  static final int MAX_CHARS = 8 * 1024 * 1024;
  private static final int MAX_ALIASES = 50;
  /** Large enough that long scalars are not re-buffered over and over (which is quadratic). */
  private static final int MAX_READ_BUFFER = 1024 * 1024;

  private YamlComposer() {}

  /** The root node; empty for an empty document or when a problem was reported. */
  static Optional<Node> compose(String yaml, Problems problems) {
    if (yaml.length() > MAX_CHARS) {
      problems.atFile("file too large: " + yaml.length() + " characters; the limit is " + MAX_CHARS);
      return Optional.empty();
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel(problems.source())
        .setSchema(new FailsafeSchema())
        .setCodePointLimit(MAX_CHARS + 1)
        .setBufferSize(Math.max(1024, Math.min(yaml.length() + 1, MAX_READ_BUFFER)))
        .setAllowDuplicateKeys(true) // reported by Fields with both positions
        .setAllowRecursiveKeys(false)
        .setAllowNonScalarKeys(true) // reported by Fields with a position
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setParseComments(false)
        .setUseMarks(true)
        .build();
    try {
      Optional<Node> root = new Compose(settings).composeString(yaml);
      root.ifPresent(node -> checkTags(node, problems));
      return root;
    } catch (MarkedYamlEngineException e) {
      reportSyntax(e, problems);
    } catch (ReaderException e) {
      reportReader(e, yaml, problems);
    } catch (YamlEngineException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (message.startsWith("Number of aliases")) {
        message = "too many aliases: more than " + MAX_ALIASES + " references (*name) to lists or mappings";
      }
      problems.atFile("YAML error: " + message);
    } catch (StackOverflowError e) {
      problems.atFile("YAML error: the document is nested too deeply");
    }
    return Optional.empty();
  }

  /**
   * The tags of plain YAML data, which a value may carry ({@code !!str 8}); any other tag is reported:
   * an application tag such as {@code !env}, and the other {@code !!} tags ({@code !!binary},
   * {@code !!timestamp}, {@code !!set}, {@code !!java.net.URL}, ...) that ask a YAML library to build
   * objects.
   */
  private static final Set<String> PLAIN_DATA_TAGS =
      Set.of("str", "int", "float", "bool", "null", "map", "seq").stream()
          .map(t -> Tag.PREFIX + t)
          .collect(Collectors.toSet());

  /** Reports every tag that is not one of {@link #PLAIN_DATA_TAGS}, as written. */
  private static void checkTags(Node root, Problems problems) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node node = todo.pop();
      // only an anchored node can be reached twice (through its aliases)
      if (node.getAnchor().isPresent() && !seen.add(node)) {
        continue;
      }
      String tag = node.getTag().getValue();
      if (!PLAIN_DATA_TAGS.contains(tag)) {
        String written = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
        problems.at(node, "unsupported YAML tag " + Texts.quote(written) + "; remove it (values are plain text)");
      }
      if (node instanceof MappingNode) {
        for (NodeTuple t : ((MappingNode) node).getValue()) {
          todo.push(t.getValueNode());
          todo.push(t.getKeyNode());
        }
      } else if (node instanceof SequenceNode) {
        List<Node> items = ((SequenceNode) node).getValue();
        for (int i = items.size() - 1; i >= 0; i--) {
          todo.push(items.get(i));
        }
      }
    }
  }

  private static void reportSyntax(MarkedYamlEngineException e, Problems problems) {
    Optional<String> unclosed = unclosed(e);
    Optional<Mark> where = unclosed.isPresent() || e.getProblemMark().isEmpty() ? e.getContextMark() : e.getProblemMark();
    String message = "YAML syntax error: " + unclosed.orElseGet(() -> describe(e));
    if (where.isPresent()) {
      problems.at(where.get().getLine() + 1, where.get().getColumn() + 1, message);
    } else {
      problems.atFile(message);
    }
  }

  /**
   * A quote, {@code [} or {@code {} the file ends inside: said where it was opened (the end of the
   * file, where the parser noticed, says nothing about which one).
   */
  private static Optional<String> unclosed(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    if (e.getContextMark().isEmpty() || e.getProblemMark().isEmpty()
        || !(problem.contains("end of stream") || problem.contains("<stream end>"))) {
      return Optional.empty();
    }
    Mark end = e.getProblemMark().get();
    String ends = " (the file ends at line " + (end.getLine() + 1) + ", column " + (end.getColumn() + 1) + ")";
    if (context.contains("quoted scalar")) {
      return Optional.of("this quoted value is never closed" + ends + "; add the closing quote");
    }
    if (context.contains("flow sequence")) {
      return Optional.of("this '[' list is never closed" + ends + "; add ']'");
    }
    if (context.contains("flow mapping")) {
      return Optional.of("this '{' mapping is never closed" + ends + "; add '}'");
    }
    return Optional.empty();
  }

  static String describe(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem().trim();
    String context = e.getContext() == null ? "" : e.getContext().trim();
    if (problem.contains("\\t(TAB)") || problem.contains("\t")) {
      return "tab character; indent with spaces (YAML does not allow tabs for indentation)";
    }
    if (problem.startsWith("but found another document")) {
      return "found a second YAML document ('---'); the file must contain a single document";
    }
    if (problem.equals("mapping values are not allowed here")) {
      return "mapping values are not allowed here (quote a value that contains ': ', or check the indentation)";
    }
    StringBuilder sb = new StringBuilder(problem.isEmpty() ? context : problem);
    if (!problem.isEmpty() && !context.isEmpty()) {
      sb.append(' ').append(context);
      Optional<Mark> cm = e.getContextMark();
      Optional<Mark> pm = e.getProblemMark();
      if (cm.isPresent() && (pm.isEmpty() || cm.get().getIndex() != pm.get().getIndex())) {
        sb.append(" (started at line ").append(cm.get().getLine() + 1).append(", column ")
            .append(cm.get().getColumn() + 1).append(')');
      }
    }
    return sb.toString();
  }

  private static void reportReader(ReaderException e, String yaml, Problems problems) {
    String message = String.format("YAML error: character U+%04X is not allowed in YAML", e.getCodePoint());
    int offset;
    try {
      offset = yaml.offsetByCodePoints(0, e.getPosition());
    } catch (IndexOutOfBoundsException outside) {
      problems.atFile(message);
      return;
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (yaml.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    problems.at(line, yaml.codePointCount(lineStart, offset) + 1, message);
  }
}
