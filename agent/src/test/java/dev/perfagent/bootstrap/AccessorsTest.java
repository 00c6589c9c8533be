package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.perfagent.agent.readonly.ReadOnlyGetters;
import dev.perfagent.config.PropertyPath;
import fixture.app.Greeter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class AccessorsTest {
  @BeforeAll
  static void checkGettersAsTheAgentDoes() {
    Accessors.use(new ReadOnlyGetters(NOPLogger.NOP_LOGGER));
  }

  private static Object read(Object root, String... steps) {
    try {
      return new ValueReader(ValueReader.THIS, steps).read(root, null, null, null, null, null);
    } catch (Throwable t) {
      throw new AssertionError("unexpected", t);
    }
  }

  @Test
  void readsGettersBooleanGettersRecordStyleMethodsAndPrivateFields() {
    Greeter.Request request = new Greeter.Request("!ann");
    assertEquals("!ann", read(request, "who"));
    assertEquals(true, read(request, "urgent"));
    assertEquals("greeter", read(new Greeter(), "name"));
    assertEquals("private-field", read(new Greeter(), "secretName"));
    assertEquals(Greeter.class.getName(), read(new Greeter(), "class", "name"));
  }

  @Test
  void readsMapKeysAndUnwrapsOptionals() {
    assertEquals("req-1", read(new Greeter(), "settings", "x-request-id"));
    assertEquals("optional", read(new Greeter(), "maybe", "who"));
    assertEquals("v", read(Optional.of("v")));
    assertNull(read(Optional.empty(), "anything"));
    assertEquals(3, read(Map.of("k", 3), "k"));
  }

  @Test
  void theEachStepOfAConfigPathReadsEveryElement() {
    // the config module's parser and the recorder spell [*] in two places (the bootstrap sees no config class)
    String[] steps = PropertyPath.parse("this[*].who").steps().toArray(new String[0]);
    Object whos = read(List.of(new Greeter.Request("ann"), new Greeter.Request(null), new Greeter.Request("bo")), steps);
    assertEquals(List.of("ann", "bo"), whos);
  }

  @Test
  void aNullOrMissingStepYieldsNoValueNeverAnError() {
    assertNull(read(new Greeter.Request(null), "who", "length"));
    assertNull(read(new Greeter(), "noSuchProperty"));
    assertNull(read(null, "x"), "a null root");
  }

  @Test
  void aGetterThatThrowsIsCountedAndYieldsNothing() {
    RecorderState state = new RecorderState(new SpanRing(4, 1), 4096, 128);
    OpenSpan span = SpanRingTest.span(
        new PointcutPlan(new ValueReader[] {new ValueReader(ValueReader.THIS, new String[] {"boom"})}, 0), 1, "stale");
    span.state = state;
    Object throwing =
        new Object() {
          @SuppressWarnings("unused")
          public String getBoom() {
            throw new IllegalStateException("boom");
          }
        };
    span.plan.readValues(span, PointcutPlan.ALL_VALUES, throwing, null, null, null, null, null);
    assertNull(span.values[0]);
    assertEquals(1, state.stats().captureErrors.sum());
  }

  @Test
  void methodsThatChangeStateAreNeverCalled() {
    java.util.ArrayList<String> list = new java.util.ArrayList<>(java.util.List.of("a"));
    assertNull(read(list, "clear"));
    assertEquals(1, list.size(), "clear() was not called");
    assertEquals(1, read(list, "size"));
  }

  @Test
  void publicMethodsOfInaccessibleJdkClassesAreCalledThroughTheirInterface() {
    assertEquals(2, read(Map.of("a", 1, "b", 2).keySet(), "size"));
    assertEquals(false, read(java.util.Collections.unmodifiableList(java.util.List.of(1)), "empty"));
  }
}
