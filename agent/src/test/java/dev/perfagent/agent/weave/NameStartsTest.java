package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link NameStarts} passes over text only when no name added can start that way. */
class NameStartsTest {

  @Test
  void passesTextStartingLikeAPrefixAndNoOther() {
    NameStarts starts = new NameStarts();
    starts.add("get");
    starts.add("close");
    assertTrue(mayStart(starts, "getModel"));
    assertTrue(mayStart(starts, "close"));
    assertTrue(mayStart(starts, "ge"), "as far as two bytes tell");
    assertFalse(mayStart(starts, "go"));
    assertFalse(mayStart(starts, "(Ljava/lang/String;)V"));
    assertFalse(mayStart(starts, "java/lang/Object"));
    assertFalse(mayStart(starts, "g"), "shorter than every prefix");
  }

  @Test
  void aOneLetterPrefixPassesEverySecondByteAndTheLetterAlone() {
    NameStarts starts = new NameStarts();
    starts.add("r");
    assertTrue(mayStart(starts, "r"));
    assertTrue(mayStart(starts, "run"));
    assertTrue(mayStart(starts, "r\u00e9sum\u00e9"));
    assertFalse(mayStart(starts, "Run"));
  }

  @Test
  void anEmptyPrefixPassesEverything() {
    NameStarts starts = new NameStarts();
    starts.add("");
    assertTrue(mayStart(starts, "(Ljava/lang/String;)V"));
    assertTrue(mayStart(starts, "\u00e9t\u00e9"));
  }

  private static boolean mayStart(NameStarts starts, String text) {
    byte[] bytes = ("xx" + text).getBytes(StandardCharsets.UTF_8);
    return starts.mayStart(bytes, 2, bytes.length - 2);
  }
}
