package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonBytesTest {
  @Test
  void longsAreWrittenAsJavaPrintsThem() throws IOException {
    List<Long> values = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, -1L, 0L,
        1796308279642802151L, 1796308279000000001L, 1796308280000000000L, 1796308279999999999L, 999999999L,
        1000000000L)); // timestamps: the same second in a row, the next, the first again
    for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
      for (long v : new long[] {power - 1, power, power + 1, 10 * power - 1}) {
        values.add(v);
        values.add(-v);
      }
    }
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 10_000; i++) {
      values.add(random.nextLong() >> random.nextInt(64));
    }
    for (int i = 0; i < 1_000; i++) {
      values.add((long) i);
    }
    JsonBytes json = new JsonBytes();
    StringBuilder expected = new StringBuilder();
    for (long v : values) {
      json.number(v).raw(',').quotedNumber(v).raw(' ');
      expected.append(v).append(",\"").append(v).append("\" ");
    }
    assertEquals(expected.toString(), text(json));
  }

  @Test
  void aStringWrittenAgainIsTheSameBytes() throws IOException {
    String repeated = "com.acme.Tool.run \"quoted\" \u00e9\n";
    String once = new String("route-7"); // equal to a later string, another instance
    JsonBytes json = new JsonBytes();
    for (int i = 0; i < 4; i++) {
      json.string(repeated).raw(',').string(i == 2 ? once : "route-" + 7).raw(',').string("x".repeat(100)).raw(';');
    }
    String one = "\"com.acme.Tool.run \\\"quoted\\\" \u00e9\\n\",\"route-7\",\"" + "x".repeat(100) + "\";";
    assertEquals(one.repeat(4), text(json));
  }

  @Test
  void onlyAStringSeenTwiceInARowIsKept() {
    RepeatedStrings strings = new RepeatedStrings();
    byte[] bytes = "\"ab\"".getBytes(StandardCharsets.UTF_8);
    String ab = "ab";
    assertFalse(strings.secondSight(ab), "seen once");
    assertTrue(strings.secondSight(ab));
    strings.keep(ab, bytes);
    assertSame(bytes, strings.encoded(ab));
    assertNull(strings.encoded(new String("ab")), "by identity");
    String longer = "y".repeat(RepeatedStrings.MAX_LENGTH + 1);
    assertFalse(strings.secondSight(longer));
    assertFalse(strings.secondSight(longer), "too long to keep");
  }

  private static String text(JsonBytes json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    json.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
