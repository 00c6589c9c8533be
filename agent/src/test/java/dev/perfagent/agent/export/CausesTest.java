package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class CausesTest {
  @Test
  void eachCauseIsNamedOnce() {
    Exception e =
        new IllegalStateException(
            "Unexpected configuration error",
            new UncheckedIOException(new IOException("export.file names a directory, /tmp/x")));
    assertEquals(
        "java.lang.IllegalStateException: Unexpected configuration error, caused by java.io.UncheckedIOException:"
            + " java.io.IOException: export.file names a directory, /tmp/x",
        Causes.chain(e));
    assertEquals("java.lang.IllegalStateException: x", Causes.chain(new IllegalStateException("x")));
  }
}
