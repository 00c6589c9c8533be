package dev.perfagent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the problems of one file; positions are converted to 1-based here. */
final class Problems {
  private final String source;
  private final List<ConfigProblem> list = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  /** A problem at the start of {@code node}. */
  void at(Node node, String message) {
    Mark mark = node.getStartMark().orElse(null);
    if (mark == null) {
      atFile(message);
    } else {
      at(mark.getLine() + 1, mark.getColumn() + 1, message);
    }
  }

  /** A problem at a 1-based position. */
  void at(int line, int column, String message) {
    list.add(new ConfigProblem(source, line, column, message));
  }

  /** A problem about the whole file (line 0, column 0). */
  void atFile(String message) {
    at(0, 0, message);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /** All problems in file order (stable for equal positions). */
  List<ConfigProblem> sorted() {
    List<ConfigProblem> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
    return copy;
  }

  ConfigException toException() {
    return new ConfigException(source, sorted());
  }
}
