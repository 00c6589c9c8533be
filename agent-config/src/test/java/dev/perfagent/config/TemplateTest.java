package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTest {

  /** Parts rendered as "KIND:value". */
  private static List<String> parts(String text) {
    List<String> result = new ArrayList<>();
    for (Template.Part p : Template.parse(text).parts()) {
      switch (p.kind()) {
        case LITERAL:
          result.add("LITERAL:" + p.literal());
          assertNull(p.path());
          break;
        case PATH:
          result.add("PATH:" + p.path().text());
          assertNull(p.literal());
          break;
        default:
          result.add(p.kind().name());
          assertNull(p.literal());
          assertNull(p.path());
      }
    }
    return result;
  }

  private static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> Template.parse(text)).getMessage();
  }

  @Test
  void literalOnly() {
    Template t = Template.parse("chat completion");
    assertTrue(t.isConstant());
    assertEquals("chat completion", t.text());
    assertEquals(List.of("LITERAL:chat completion"), parts("chat completion"));
  }

  @Test
  void placeholders() {
    assertEquals(List.of("LITERAL:execute_tool ", "PATH:this.name"), parts("execute_tool {this.name}"));
    assertEquals(List.of("PATH:arg0.model", "LITERAL: / ", "PATH:return.id"), parts("{arg0.model} / {return.id}"));
    assertEquals(List.of("PATH:arg1['a b']"), parts("{arg1['a b']}"));
    assertEquals(List.of("LITERAL:x ", "PATH:arg1['}']", "LITERAL: y"), parts("x {arg1['}']} y"));
    assertEquals(List.of("PATH:this.name"), parts("{ this.name }"));
    assertFalse(Template.parse("execute_tool {this.name}").isConstant());
  }

  @Test
  void builtIns() {
    assertEquals(List.of("CLASS_NAME", "LITERAL:.", "METHOD_NAME"), parts("{class}.{method}"));
    assertFalse(Template.parse("{class}").isConstant());
  }

  @Test
  void escapedBraces() {
    assertEquals(List.of("LITERAL:{literal} "), parts("{{literal}} "));
    assertEquals(List.of("LITERAL:a{", "PATH:this", "LITERAL:}b"), parts("a{{{this}}}b"));
    assertTrue(Template.parse("{{x}}").isConstant());
  }

  @Test
  void errors() {
    assertEquals("template is empty", error(""));
    assertEquals("unclosed '{' at position 14; write '{{' for a literal brace", error("execute_tool {this.name"));
    assertEquals("unclosed '{' at position 1; write '{{' for a literal brace", error("{a{b}"));
    assertEquals("empty placeholder '{}' at position 3", error("x {}"));
    assertEquals("empty placeholder '{}' at position 1", error("{  }"));
    assertEquals("single '}' at position 2; write '}}' for a literal brace", error("x}"));
    assertEquals("bad placeholder {foo bar} at position 1: unknown root 'foo'; a path starts with this,"
        + " return, thrown, chunk or argN (e.g. arg0)", error("{foo bar}"));
    assertEquals("bad placeholder {arg0.getX()} at position 3: method calls are not allowed; write arg0.x",
        error("a {arg0.getX()}"));
    assertEquals("bad placeholder {Class x} at position 1: unknown root 'Class'; a path starts with this,"
        + " return, thrown, chunk or argN (e.g. arg0)", error("{Class x}"));
    assertThrows(IllegalArgumentException.class, () -> Template.parse(null));
  }

  @Test
  void partsAreUnmodifiable() {
    List<Template.Part> parts = Template.parse("{class}").parts();
    assertThrows(UnsupportedOperationException.class, () -> parts.add(parts.get(0)));
  }

  @Test
  void aPlaceholderThatIsNoPathNamesAnAttribute() {
    Template t = Template.parse("{gen_ai.operation.name} {gen_ai.request.model}");
    assertEquals(Template.Part.Kind.ATTRIBUTE, t.parts().get(0).kind());
    assertEquals("gen_ai.request.model", t.parts().get(2).literal());
    assertEquals(Template.Part.Kind.PATH, Template.parse("{return.model}").parts().get(0).kind());
  }
}
