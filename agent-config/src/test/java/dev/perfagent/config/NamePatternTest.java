package dev.perfagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamePatternTest {

  private static boolean matches(String pattern, String name) {
    return NamePattern.parse(pattern, true).matches(name);
  }

  private static String error(String pattern, boolean allowDots) {
    return assertThrows(IllegalArgumentException.class, () -> NamePattern.parse(pattern, allowDots)).getMessage();
  }

  @Test
  void exactPatternUsesEquals() {
    NamePattern p = NamePattern.parse("com.acme.llm.OpenAiClient", true);
    assertTrue(p.isExact());
    assertEquals("com.acme.llm.OpenAiClient", p.text());
    assertTrue(p.matches("com.acme.llm.OpenAiClient"));
    assertFalse(p.matches("com.acme.llm.OpenAiClient2"));
    assertFalse(p.matches("com.acme.llm.OpenAiClien"));
    assertFalse(p.matches(null));
  }

  @Test
  void nestedClassesWithDollar() {
    NamePattern p = NamePattern.parse("com.acme.Outer$Inner", true);
    assertTrue(p.isExact());
    assertTrue(p.matches("com.acme.Outer$Inner"));
    assertFalse(p.matches("com.acme.Outer"));
    assertTrue(matches("com.acme.Outer$*", "com.acme.Outer$Inner"));
    assertTrue(matches("com.acme.Outer$*", "com.acme.Outer$1"));
    assertFalse(matches("com.acme.Outer$*", "com.acme.Outer"));
  }

  @ParameterizedTest
  @CsvSource({
      // pattern, name, expected
      "com.acme.llm.*Client, com.acme.llm.OpenAiClient, true",
      "com.acme.llm.*Client, com.acme.llm.Client, true",
      "com.acme.llm.*Client, com.acme.llm.sub.OpenAiClient, false",
      "com.acme.llm.*Client, com.acme.llm.OpenAiClientImpl, false",
      "com.acme.llm.*, com.acme.llm.X, true",
      "com.acme.llm.*, com.acme.llm.x.Y, false",
      "com.acme.llm.*, com.acme.llm, false",
      "com.acme.**, com.acme.X, true",
      "com.acme.**, com.acme.a.b.c.X, true",
      "com.acme.**, com.acme, false",
      "com.acme.**, com.acmex.X, false",
      "com.acme.**.tools.*, com.acme.tools.Search, true",
      "com.acme.**.tools.*, com.acme.returns.tools.Search, true",
      "com.acme.**.tools.*, com.acme.a.b.tools.Search, true",
      "com.acme.**.tools.*, com.acme.tools.sub.Search, false",
      "com.acme.**.tools.*, com.acme.mytools.Search, false",
      "com.acme.**.tools.*, org.acme.tools.Search, false",
      "**.tools.*, tools.X, true",
      "**.tools.*, a.b.tools.X, true",
      "**.tools.*, a.btools.X, false",
      "**, anything.at.All, true",
      "*, NoPackage, true",
      "*, some.Pkg, false",
      "com.*.Service, com.acme.Service, true",
      "com.*.Service, com.acme.x.Service, false",
      "com.**Service, com.acme.x.OrderService, true",
      "*Impl, FooImpl, true",
      "*Impl, a.FooImpl, false",
      "com.acme.*Client*, com.acme.HttpClientImpl, true",
      "com.acme.*Client*, com.acme.HttpClien, false",
      "com.acme.*Client*, com.acme.x.HttpClientImpl, false",
      "a.*.*.D, a.b.c.D, true",
      "a.*.*.D, a.b.D, false",
  })
  void classPatterns(String pattern, String name, boolean expected) {
    NamePattern p = NamePattern.parse(pattern, true);
    assertFalse(p.isExact());
    assertEquals(expected, p.matches(name), pattern + " vs " + name);
  }

  @ParameterizedTest
  @CsvSource({
      "run, run, true",
      "run, runAll, false",
      "get*, getName, true",
      "get*, get, true",
      "get*, isName, false",
      "*, anything, true",
      "*, <init>, true",
      "*Async, sendAsync, true",
      "*Async, sendAsyncX, false",
      "*Async*, sendAsyncX, true",
      "**, whatever, true",
      "lambda$*, lambda$run$0, true",
  })
  void methodPatterns(String pattern, String name, boolean expected) {
    assertEquals(expected, NamePattern.parse(pattern, false).matches(name), pattern + " vs " + name);
  }

  @Test
  void errors() {
    assertEquals("pattern is empty", error("", true));
    assertEquals("must not start with '.'", error(".com.acme", true));
    assertEquals("must not end with '.'", error("com.acme.", true));
    assertEquals("must not contain '..' (empty name segment)", error("com..acme", true));
    assertEquals("'***' is not allowed; use '*' (within one name segment) or '**' (across segments)",
        error("com.***", true));
    assertEquals("invalid character ' ' at position 4; allowed are Java identifier characters, '.', '$' and '*'",
        error("com acme", true));
    assertEquals("invalid character '/' at position 4; allowed are Java identifier characters, '.', '$' and '*'",
        error("com/acme/X", true));
    assertEquals("invalid character '?' at position 4; allowed are Java identifier characters, '.', '$' and '*'",
        error("get?", false));
    assertEquals("'.' is not allowed in a method name pattern", error("a.run", false));
    assertEquals("invalid character '(' at position 4; allowed are Java identifier characters, '.', '$' and '*'",
        error("run()", false));
    assertThrows(IllegalArgumentException.class, () -> NamePattern.parse(null, true));
  }

  @Test
  void prefixIsTheLiteralTextEveryMatchStartsWith() {
    assertEquals("run", NamePattern.parse("run", false).prefix());
    assertEquals("get", NamePattern.parse("get*", false).prefix());
    assertEquals("com.acme.", NamePattern.parse("com.acme.**", true).prefix());
    assertEquals("", NamePattern.parse("*Chat", false).prefix());
  }

  @Test
  void equalityIsOnText() {
    assertEquals(NamePattern.parse("com.*", true), NamePattern.parse("com.*", true));
    assertEquals(NamePattern.parse("com.*", true).hashCode(), NamePattern.parse("com.*", true).hashCode());
    assertFalse(NamePattern.parse("com.*", true).equals(NamePattern.parse("com.**", true)));
  }

  @Test
  void manyNamesMatchConsistently() {
    NamePattern regex = NamePattern.parse("com.acme.**.tools.*Tool", true);
    NamePattern prefix = NamePattern.parse("com.acme.**", true);
    int hits = 0;
    for (int i = 0; i < 1_000_000; i++) {
      String name = (i % 2 == 0 ? "org.other.pkg.Class" : "com.acme.x.tools.SearchTool") ;
      if (regex.matches(name)) {
        hits++;
      }
      if (prefix.matches(name)) {
        hits++;
      }
    }
    assertEquals(1_000_000, hits);
  }
}
