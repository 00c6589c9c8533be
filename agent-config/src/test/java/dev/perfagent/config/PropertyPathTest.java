package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyPathTest {

  private static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> PropertyPath.parse(text)).getMessage();
  }

  @Test
  void roots() {
    PropertyPath p = PropertyPath.parse("this");
    assertEquals(PropertyPath.Root.THIS, p.root());
    assertEquals(-1, p.argIndex());
    assertEquals(List.of(), p.steps());

    p = PropertyPath.parse("return");
    assertEquals(PropertyPath.Root.RETURN, p.root());
    assertEquals(-1, p.argIndex());

    p = PropertyPath.parse("thrown.message");
    assertEquals(PropertyPath.Root.THROWN, p.root());
    assertEquals(List.of("message"), p.steps());

    p = PropertyPath.parse("arg0");
    assertEquals(PropertyPath.Root.ARG, p.root());
    assertEquals(0, p.argIndex());

    p = PropertyPath.parse("arg254.x");
    assertEquals(254, p.argIndex());
    assertEquals(List.of("x"), p.steps());
  }

  @Test
  void steps() {
    PropertyPath p = PropertyPath.parse("return.usage.inputTokens");
    assertEquals(PropertyPath.Root.RETURN, p.root());
    assertEquals(List.of("usage", "inputTokens"), p.steps());
    assertEquals("return.usage.inputTokens", p.text());
    assertEquals(List.of("$x", "_y", "z1"), PropertyPath.parse("this.$x._y.z1").steps());
  }

  @Test
  void bracketKeys() {
    PropertyPath p = PropertyPath.parse("arg1['x-request-id']");
    assertEquals(1, p.argIndex());
    assertEquals(List.of("x-request-id"), p.steps());
    assertEquals(List.of("headers", "a b.c", "it's"),
        PropertyPath.parse("this.headers['a b.c'][\"it's\"]").steps());
    assertEquals(List.of("m", "k", "v"), PropertyPath.parse("return.m['k'].v").steps());
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertEquals("arg0.model", PropertyPath.parse("  arg0.model ").text());
  }

  @Test
  void equalityIsOnText() {
    assertEquals(PropertyPath.parse("arg0.x"), PropertyPath.parse("arg0.x"));
    assertEquals(PropertyPath.parse("arg0.x").hashCode(), PropertyPath.parse("arg0.x").hashCode());
    assertNotEquals(PropertyPath.parse("arg0.x"), PropertyPath.parse("arg0['x']"));
  }

  @Test
  void unknownRoot() {
    assertEquals("unknown root 'self'; a path starts with this, return, thrown, chunk or argN (e.g. arg0)",
        error("self.name"));
    assertEquals("unknown root 'retrun'; a path starts with this, return, thrown, chunk or argN (e.g. arg0);"
        + " did you mean 'return'?", error("retrun.x"));
    assertEquals("unknown root 'This'; a path starts with this, return, thrown, chunk or argN (e.g. arg0);"
        + " did you mean 'this'?", error("This.x"));
    assertEquals("unknown root 'args'; a path starts with this, return, thrown, chunk or argN (e.g. arg0)",
        error("args"));
    assertEquals("path must start with this, return, thrown, chunk or argN (e.g. arg0)", error(".x"));
  }

  @Test
  void argIndex() {
    assertEquals("'arg' needs a zero-based parameter index, e.g. arg0", error("arg.model"));
    assertEquals("parameter index 255 is out of range; use arg0 to arg254", error("arg255"));
    assertEquals("parameter index 99999999999 is out of range; use arg0 to arg254", error("arg99999999999"));
    assertEquals("write arg1 without leading zeros", error("arg01"));
    assertEquals("unknown root 'arg1x'; a path starts with this, return, thrown, chunk or argN (e.g. arg0)",
        error("arg1x"));
  }

  @Test
  void emptyAndTrailing() {
    assertEquals("path is empty", error(""));
    assertEquals("path is empty", error("   "));
    assertEquals("path must not end with '.'", error("arg0."));
    assertEquals("empty step ('..') at position 6", error("arg0..x"));
    assertEquals("invalid character ' ' at position 5", error("arg0 .x"));
    assertEquals("invalid character '-' at position 7", error("this.a-b"));
    assertEquals("step '0' at position 6 is not a Java identifier (index access is not supported)",
        error("arg0.0"));
  }

  @Test
  void methodCalls() {
    assertEquals("method calls are not allowed; write arg0.x", error("arg0.getX()"));
    assertEquals("method calls are not allowed; write return.usage.inputTokens",
        error("return.getUsage().getInputTokens()"));
    assertEquals("method calls are not allowed; write this.enabled", error("this.isEnabled()"));
    assertEquals("method calls are not allowed; write this.URL", error("this.getURL()"));
    assertEquals("method calls are not allowed; write this.name", error("this.name()"));
    assertEquals("method calls are not allowed; use property names, e.g. arg0.name instead of arg0.getName()",
        error("arg0.get(1)"));
    assertEquals("method calls are not allowed; use property names, e.g. arg0.name instead of arg0.getName()",
        error("this()"));
  }

  @Test
  void badBrackets() {
    String bad = "; write ['key'] or [\"key\"] (a quoted map key), or [*] for each element (index access is not supported)";
    assertEquals("bad bracket syntax at position 5" + bad, error("arg0[0]"));
    assertEquals("bad bracket syntax at position 5" + bad, error("arg0[key]"));
    assertEquals("bad bracket syntax at position 5" + bad, error("arg0['key]"));
    assertEquals("bad bracket syntax at position 5" + bad, error("arg0['key'"));
    assertEquals("bad bracket syntax at position 5" + bad, error("arg0['key\"]"));
    assertEquals("empty key in brackets at position 5", error("arg0['']"));
    assertEquals("write a bracketed key without a dot before it: arg0['key'], not arg0.['key']",
        error("arg0.['k']"));
    assertEquals("invalid character 'x' at position 10", error("arg0['k']x"));
  }

  @Test
  void eachElementStep() {
    PropertyPath p = PropertyPath.parse("return.choices[*].finishReason");
    assertEquals(List.of("choices", PropertyPath.EACH, "finishReason"), p.steps());
    assertEquals(List.of(PropertyPath.EACH), PropertyPath.parse("arg0[*]").steps());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PropertyPath.parse("arg0['[*]']"));
    assertTrue(e.getMessage().contains("reserved"), e.getMessage());
  }

  @Test
  void sumsOfPaths() {
    Capture sum = Capture.parse("return.a + return.b.c +arg0.d");
    assertEquals(Capture.Kind.SUM, sum.kind());
    assertEquals(3, sum.terms().size());
    assertEquals(List.of("b", "c"), sum.terms().get(1).steps());
    assertEquals(Capture.Kind.PATH, Capture.parse("return.a").kind());
    assertEquals(Capture.Kind.FIRST, Capture.parse("return.m.string | return.m.chat").kind());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Capture.parse("return.a +"));
    assertTrue(empty.getMessage().contains("a path is needed on each side of '+'"), empty.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Capture.parse("return.a + self.b"));
    assertTrue(bad.getMessage().startsWith("term 2: unknown root 'self'"), bad.getMessage());
    IllegalArgumentException both =
        assertThrows(IllegalArgumentException.class, () -> Capture.parse("return.a + return.b | return.c"));
    assertTrue(both.getMessage().contains("not both"), both.getMessage());
  }

  @Test
  void listsOfPaths() {
    Capture list = Capture.list(List.of("return.stopReason", "this.reason"));
    assertEquals(Capture.Kind.LIST, list.kind());
    assertEquals(List.of("stopReason"), list.terms().get(0).steps());
    assertEquals("[return.stopReason, this.reason]", list.toString());
    IllegalArgumentException sum =
        assertThrows(IllegalArgumentException.class, () -> Capture.list(List.of("this", "return.a + return.b")));
    assertTrue(sum.getMessage().startsWith("item 2: "), sum.getMessage());
  }

  @Test
  void chunkPathsStartAtEachItemOfAReturnedStream() {
    PropertyPath p = PropertyPath.parse("chunk.usage.promptTokens");
    assertEquals(PropertyPath.Root.CHUNK, p.root());
    assertEquals(List.of("usage", "promptTokens"), p.steps());
  }
}
