package dev.perfagent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page of {@link FixedDataSet}'s report (plus a trace named with markup) rendered by
 * headless Chromium: its script runs to the end without an error, the rendered tables hold the
 * terminal report's rows cell for cell (and those are the hand-computed figures), and the markup
 * in the names stays text.
 */
class HtmlReportInBrowserTest {
  @TempDir Path dir;

  @Test
  void thePageRendersTheTerminalReportsFigures() throws Exception {
    Chromium chromium = Chromium.findOrSkip();
    List<String> lines = new ArrayList<>(FixedDataSet.lines());
    lines.add(HostileNames.line());
    Path input = FixedDataSet.write(dir.resolve("t.jsonl"), lines);
    Path page = dir.resolve("report.html");
    String terminal = run(ReportCommand::run, input.toString(), "--slowest", "2", "--html", page.toString());

    String dom = chromium.dumpDom(page, dir);

    assertTrue(dom.contains("data-rendered=\"yes\""), "the script ran to its end");
    assertTrue(dom.contains("<pre id=\"script-errors\" hidden=\"\"></pre>"), "no script error: " + errors(dom));
    // the rows of the terminal's tables, as rendered cells; the hand-computed ones first
    String model = row(terminal, "p/m1");
    // 12 calls, 1 refused, 1,050 input and 105 output tokens, $0.0105
    assertTrue(model.matches("p/m1 +12 +1 +1,050 +0 +105 +0 +\\$0\\.0105 .*"), model);
    assertRendered(dom, model);
    // breakdown: 10 calls, 5.50 s in all, 612 ms of it in the children, mean 550 ms, p50 500 ms, p95 1 s
    String conversations = row(terminal, "conversation");
    assertTrue(conversations.matches("conversation +10 +5\\.50 s +4\\.89 s +550\\.0 ms +500\\.0 ms +1\\.00 s .*"),
        conversations);
    assertRendered(dom, conversations);
    assertRendered(dom, row(terminal, "  execute_tool t"));
    assertRendered(dom, row(terminal, "execute_tool t "));
    assertTrue(dom.contains("tool errors: 'execute_tool t' failed 2 of 10 calls (20.0%)"), "the findings");
    assertTrue(dom.contains("<svg"), "the charts are drawn");
    // the markup in the names is text: shown escaped, never an element
    assertTrue(dom.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"), "the hostile name as text");
    assertFalse(dom.contains("<img"), "no element made of a span name");
  }

  @Test
  void theComparisonPageRendersTheComparisonTable() throws Exception {
    Chromium chromium = Chromium.findOrSkip();
    Path base = FixedDataSet.write(dir.resolve("base.jsonl"), FixedDataSet.lines());
    Path next = FixedDataSet.write(dir.resolve("next.jsonl"), FixedDataSet.lines("run-2", 3));
    Path page = dir.resolve("compare.html");
    String terminal = run(CompareCommand::run, base.toString(), next.toString(), "--html", page.toString());

    String dom = chromium.dumpDom(page, dir);

    assertTrue(dom.contains("data-rendered=\"yes\""), "the script ran to its end");
    assertTrue(dom.contains("<pre id=\"script-errors\" hidden=\"\"></pre>"), "no script error: " + errors(dom));
    // every time three times as long: the conversations' p50 regressed, as the terminal says
    String p50 = row(terminal, "conversation    ");
    assertTrue(p50.matches("conversation +p50 +500\\.0 ms +1\\.50 s +\\+200% .*REGRESSION"), p50);
    assertTrue(dom.contains("<tr class=\"regression\">" + rendered(p50).substring("<tr>".length())),
        "the regression's row, marked");
    String summary = Arrays.stream(terminal.split("\n")).filter(l -> l.endsWith(" flagged")).findFirst().orElseThrow();
    assertTrue(dom.contains(summary), "the comparison's summary: " + summary);
    assertTrue(dom.contains("flagged changes with their 95% interval"), "the chart of the flagged changes");
    assertTrue(dom.contains("<tr><td>p/m1</td><td>12</td><td>1</td><td>1,050</td>"), "the NEW run's report");
  }

  /** The terminal output's first table row starting with {@code start} (after the indent). */
  private static String row(String terminal, String start) {
    return Arrays.stream(terminal.split("\n")).map(l -> l.substring(Math.min(2, l.length())))
        .filter(l -> l.startsWith(start)).findFirst()
        .orElseThrow(() -> new AssertionError("no row '" + start + "' in\n" + terminal));
  }

  /**
   * The row's cells as rendered cells (a name may hold single spaces; columns are 2 or more apart;
   * the terminal drops empty cells at the end of a line, so the rendered row may go on).
   */
  private static void assertRendered(String dom, String row) {
    String html = rendered(row);
    assertTrue(dom.contains(html), "the rendered page has the row " + html);
  }

  private static String rendered(String row) {
    String[] cells = row.strip().split(" {2,}");
    String indent = row.substring(0, row.length() - row.stripLeading().length());
    StringBuilder html = new StringBuilder("<tr><td>" + indent + cells[0] + "</td>");
    for (int i = 1; i < cells.length; i++) {
      html.append("<td>").append(cells[i].replace("&", "&amp;")).append("</td>");
    }
    return html.toString();
  }

  private static String errors(String dom) {
    int at = dom.indexOf("id=\"script-errors\"");
    return at < 0 ? "(no error box)" : dom.substring(at, Math.min(dom.length(), at + 500));
  }

  private interface Command {
    int run(List<String> args, PrintStream out, PrintStream err);
  }

  private static String run(Command command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
