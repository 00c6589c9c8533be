package dev.perfagent.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A text table: the first column left-aligned, the others right-aligned, columns as wide as needed. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    rows.add(header);
  }

  void row(String... cells) {
    rows.add(cells);
  }

  String[] header() {
    return rows.get(0);
  }

  /** The rows below the header. */
  List<String[]> rows() {
    return rows.subList(1, rows.size());
  }

  boolean isEmpty() {
    return rows.size() == 1;
  }

  void print(PrintStream out, String indent) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        if (i == 0) {
          line.append(row[i]).append(" ".repeat(width[i] - row[i].length()));
        } else {
          line.append("  ").append(" ".repeat(width[i] - row[i].length())).append(row[i]);
        }
      }
      out.println(line.toString().replaceAll("\\s+$", ""));
    }
  }
}
