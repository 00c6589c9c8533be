package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.bootstrap.FrozenError;
import dev.perfagent.bootstrap.FrozenErrors;
import dev.perfagent.config.ConfigLoader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.Test;

class ExceptionEventsTest {
  private static final AttributeKey<String> MESSAGE = AttributeKey.stringKey("exception.message");
  private static final AttributeKey<String> STACKTRACE = AttributeKey.stringKey("exception.stacktrace");
  private static final FrozenError ERROR =
      FrozenErrors.of(new IllegalStateException("card 4111-1111", new IllegalArgumentException("user bob")));

  @Test
  void byDefaultTheMessageAndTheStackTraceAreExported() throws Exception {
    ExceptionEvents events = events("");
    assertEquals(StatusData.create(StatusCode.ERROR, "card 4111-1111"), events.status(ERROR));
    Attributes event = events.event(ERROR, 1).getAttributes();
    assertEquals("java.lang.IllegalStateException", event.get(AttributeKey.stringKey("exception.type")));
    assertEquals("card 4111-1111", event.get(MESSAGE));
    assertTrue(event.get(STACKTRACE).contains("Caused by: java.lang.IllegalArgumentException: user bob"));
  }

  @Test
  void withoutMessagesNoMessageIsLeftAnywhereNotEvenInTheStackTrace() throws Exception {
    ExceptionEvents events = events("  exception-message: false\n");
    assertEquals(StatusData.error(), events.status(ERROR));
    Attributes event = events.event(ERROR, 1).getAttributes();
    assertNull(event.get(MESSAGE));
    String trace = event.get(STACKTRACE);
    assertTrue(trace.startsWith("java.lang.IllegalStateException\n\tat "), trace);
    assertTrue(trace.contains("Caused by: java.lang.IllegalArgumentException\n"), trace);
    assertFalse(trace.contains("4111") || trace.contains("bob"), trace);
  }

  @Test
  void withoutStackTracesTheTypeAndMessageRemain() throws Exception {
    Attributes event = events("  exception-stack-trace: false\n").event(ERROR, 1).getAttributes();
    assertNull(event.get(STACKTRACE));
    assertEquals("card 4111-1111", event.get(MESSAGE));
    assertEquals(2, event.size(), event.toString());
  }

  private static ExceptionEvents events(String exportLines) throws Exception {
    return new ExceptionEvents(ConfigLoader.parse("export:\n" + exportLines + "pointcuts: []\n", "t.yaml").export());
  }
}
