package dev.perfagent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void aLargeInputOnATerminalShowsEachWholePercentOnceThenClearsTheLine() {
    Progress p = new Progress(err, 200L << 20, true);
    for (int i = 0; i < 400; i++) {
      p.advance(512 * 1024);
    }
    p.finish();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(101, text.split("reading", -1).length - 1, "each of 0..100 % once");
    assertTrue(text.contains("\rperf-agent report: reading  50% (100 of 200 MB)"), text);
    assertTrue(text.endsWith("\r"), text);
  }

  @Test
  void nothingWithoutATerminalOrForASmallInput() {
    new Progress(err, 200L << 20, false).advance(100L << 20);
    Progress small = new Progress(err, Progress.LARGE - 1, true);
    small.advance(Progress.LARGE - 1);
    small.finish();
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }
}
