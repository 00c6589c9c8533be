package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class JsonBytesTest {
  @Test
  void numbersAreWrittenAsJavaPrintsThem() throws IOException {
    long[] values = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, -1, -9, -10, -100, -12345,
        1_733_212_800_123_456_789L, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
    for (long value : values) {
      assertEquals(Long.toString(value), written(value));
    }
    for (int i = 0; i < 10_000; i++) {
      long value = ThreadLocalRandom.current().nextLong() >> ThreadLocalRandom.current().nextInt(64);
      assertEquals(Long.toString(value), written(value));
    }
    for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
      assertEquals(Long.toString(power - 1), written(power - 1));
      assertEquals(Long.toString(power), written(power));
    }
  }

  @Test
  void aQuotedNumberAmongOtherTextKeepsBoth() throws IOException {
    JsonBytes json = new JsonBytes();
    json.raw("{\"t\":").quotedNumber(1_733_212_800_123_456_789L).raw('}');
    assertEquals("{\"t\":\"1733212800123456789\"}", text(json));
  }

  private static String written(long value) throws IOException {
    return text(new JsonBytes().number(value));
  }

  private static String text(JsonBytes json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    json.writeTo(out);
    return out.toString(StandardCharsets.US_ASCII);
  }
}
