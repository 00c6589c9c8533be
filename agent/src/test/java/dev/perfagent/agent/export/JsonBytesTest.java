package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    List<Long> values = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, -1L, 0L));
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

  private static String text(JsonBytes json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    json.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
