package dev.perfagent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's text, without a browser: untrusted names cannot leave the data, which is still theirs. */
class HtmlReportTest {
  @TempDir Path dir;

  @Test
  void markupInNamesStaysInsideTheDataAsTheSameText() throws Exception {
    List<String> lines = new ArrayList<>(FixedDataSet.lines());
    lines.add(HostileNames.line());
    Path input = FixedDataSet.write(dir.resolve("t.jsonl"), lines);
    RunReport r = Analysis.read(List.of(input.toString()), false, 5, null).reports.get(FixedDataSet.RUN);
    StringWriter page = new StringWriter();

    HtmlReport.report(page, r);

    String html = page.toString();
    assertFalse(html.contains("<img"), "no markup from a name");
    assertEquals(3, count(html, "</script>"), "the page's own three script elements, no more");
    String open = "<script type=\"application/json\" id=\"report-data\">";
    String data = html.substring(html.indexOf(open) + open.length(), html.indexOf("</script>", html.indexOf(open)));
    List<String> strings = strings(data);
    assertTrue(strings.contains(HostileNames.MARKUP), "the root's name, unchanged once parsed");
    assertTrue(strings.contains("chat " + HostileNames.MARKUP), "the LLM call's name");
    assertTrue(strings.contains("p/" + HostileNames.MARKUP), "the model");
  }

  @Test
  void thePageIsSelfContained() throws Exception {
    StringWriter page = new StringWriter();
    HtmlReport.report(page, Analysis.read(List.of(FixedDataSet.write(dir.resolve("t.jsonl"), FixedDataSet.lines())
        .toString()), false, 5, null).reports.get(FixedDataSet.RUN));
    String html = page.toString();
    assertFalse(html.contains("@REPORT_DATA@"));
    assertEquals(0, count(html, "https:"));
    assertEquals(count(html, "http://www.w3.org/2000/svg"), count(html, "http:"),
        "no address but the SVG namespace's: nothing fetched from the network");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  private static List<String> strings(String json) throws Exception {
    List<String> out = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.VALUE_STRING) {
          out.add(p.getText());
        }
      }
    }
    return out;
  }
}
