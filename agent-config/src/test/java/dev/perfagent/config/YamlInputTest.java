package dev.perfagent.config;

import static dev.perfagent.config.Yaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Malformed YAML, empty input and very large input. */
class YamlInputTest {

  private static List<ConfigProblem> problemsOf(String yaml) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml")).problems();
  }

  @Test
  void tabIndentation() {
    assertEquals(List.of("t.yaml:3:1: YAML syntax error: tab character; indent with spaces (YAML does not allow"
        + " tabs for indentation)"), problems("pointcuts:", "  - name: a", "\tclass: a.B"));
  }

  @Test
  void unclosedQuote() {
    assertEquals(List.of("t.yaml:1:10: YAML syntax error: this quoted value is never closed (the file ends at"
        + " line 3, column 1); add the closing quote"), problems("service: \"returns", "pointcuts: []"));
    assertEquals(List.of("t.yaml:2:11: YAML syntax error: this quoted value is never closed (the file ends at"
        + " line 4, column 1); add the closing quote"), problems("pointcuts:", "  - name: 'a", "    class: a.B"));
  }

  @Test
  void unclosedFlowSequence() {
    assertEquals(List.of("t.yaml:1:12: YAML syntax error: this '[' list is never closed (the file ends at line 2,"
        + " column 1); add ']'"), problems("pointcuts: [a, b"));
  }

  @Test
  void unquotedColonInValue() {
    assertEquals(List.of("t.yaml:1:14: YAML syntax error: mapping values are not allowed here (quote a value that"
        + " contains ': ', or check the indentation)"), problems("service: name: x", "pointcuts: []"));
  }

  @Test
  void badIndentation() {
    List<ConfigProblem> p = problemsOf(Yaml.lines("pointcuts:", "  - name: a", "     class: a.B", "    method: m"));
    assertEquals(1, p.size());
    assertEquals(3, p.get(0).line());
    assertTrue(p.get(0).message().startsWith("YAML syntax error: "), p.get(0).message());
  }

  @Test
  void twoDocuments() {
    assertEquals(List.of("t.yaml:2:1: YAML syntax error: found a second YAML document ('---'); the file must"
        + " contain a single document"), problems("pointcuts: []", "---", "pointcuts: []"));
  }

  @Test
  void undefinedAlias() {
    assertEquals(List.of("t.yaml:1:10: YAML syntax error: found undefined alias nope"),
        problems("service: *nope", "pointcuts: []"));
  }

  @Test
  void forbiddenCharacter() {
    assertEquals(List.of("t.yaml:2:12: YAML error: character U+0000 is not allowed in YAML"),
        problems("pointcuts: []", "service: ab\u0000"));
  }

  @Test
  void deepNestingGivesAClearError() {
    String yaml = "service: " + "[".repeat(200_000);
    List<ConfigProblem> p = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> problemsOf(yaml));
    assertEquals(List.of("t.yaml:0:0: YAML error: the document is nested too deeply"), List.of(p.get(0).toString()));
  }

  @Test
  void aliasExpansionIsLimited() {
    StringBuilder sb = new StringBuilder("x: &a [1, 2]\ny: [");
    for (int i = 0; i < 100; i++) {
      sb.append(i == 0 ? "" : ", ").append("*a");
    }
    sb.append("]\npointcuts: []\n");
    List<ConfigProblem> p = problemsOf(sb.toString());
    assertEquals(List.of("t.yaml:0:0: YAML error: too many aliases: more than 50 references (*name) to lists or"
        + " mappings"), List.of(p.get(0).toString()));
  }

  @Test
  void customTagsAreRejected() {
    assertEquals(List.of("t.yaml:1:10: unsupported YAML tag '!env'; remove it (values are plain text)",
        "t.yaml:3:20: unsupported YAML tag '!secret'; remove it (values are plain text)"),
        problems("service: !env SERVICE", "export:", "  headers: {x-key: !secret abc}", "pointcuts: []"));
  }

  @Test
  void tagsThatAskForObjectsAreRejectedLikeApplicationTags() {
    assertEquals(
        List.of(
            "t.yaml:1:10: unsupported YAML tag '!!java.net.URL'; remove it (values are plain text)",
            "t.yaml:3:16: unsupported YAML tag '!!binary'; remove it (values are plain text)",
            "t.yaml:4:9: unsupported YAML tag '!!timestamp'; remove it (values are plain text)",
            "t.yaml:5:17: unsupported YAML tag '!!set'; remove it (values are plain text)",
            "t.yaml:7:9: unsupported YAML tag 'tag:example.com,2024:x'; remove it (values are plain text)"),
        problems(
            "service: !!java.net.URL [\"http://x\"]", "export:", "  headers: {k: !!binary aGk=}",
            "  file: !!timestamp 2024-01-01", "  metrics-file: !!set {a}", "pointcuts: []",
            "limits: !<tag:example.com,2024:x> {}"));
  }

  @Test
  void standardTagsAreIgnored() throws Exception {
    assertEquals(Optional.of("8"), ConfigLoader.parse("service: !!str 8\npointcuts: !!seq []", "t").service());
  }

  @Test
  void recursiveAliasesDoNotLoop() {
    assertEquals(List.of("t.yaml:2:5: span: expected a string, got a mapping"),
        problems("pointcuts:", "  - &p {name: a, class: a.B, method: m, span: *p}"));
  }

  @Test
  void emptyInputIsAnEmptyConfig() throws Exception {
    for (String yaml : List.of("", "\n\n", "# nothing here\n", "---\n", "~\n", "   ")) {
      AgentConfig c = ConfigLoader.parse(yaml, "empty.yaml");
      assertEquals(List.of(), c.pointcuts(), yaml);
      assertEquals(Optional.empty(), c.service());
      assertEquals(ExportSettings.defaults(), c.export());
      assertEquals("empty.yaml", c.source());
    }
  }

  @Test
  void nullText() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(null, "x"));
    assertEquals("x:0:0: no configuration text (null)", e.problems().get(0).toString());
  }

  @Test
  void fiveMegabyteValueParsesQuickly() throws Exception {
    String big = "x".repeat(5 * 1024 * 1024);
    for (String value : List.of(big, "'" + big + "'", "\"" + big + "\"")) {
      String yaml = "service: " + value + "\npointcuts: []\n";
      AgentConfig c = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ConfigLoader.parse(yaml, "big.yaml"));
      assertEquals(big.length(), c.service().get().length());
    }
  }

  @Test
  void fiveMegabyteInvalidValueGivesShortMessage() {
    String big = "x y".repeat(2 * 1024 * 1024);
    String yaml = Yaml.lines("pointcuts:", "  - name: p", "    class: a.B", "    method: " + big);
    List<ConfigProblem> p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problemsOf(yaml));
    assertEquals(1, p.size());
    assertEquals("t.yaml:4:13: method: invalid method pattern '" + "x yx yx yx yx yx yx yx yx yx yx yx yx yx yx yx yx yx yx y"
        + "...': invalid character ' ' at position 2; allowed are Java identifier characters, '.', '$' and '*'",
        p.get(0).toString());
  }

  @Test
  void tooLargeInputIsRejected() {
    String yaml = "service: " + "x".repeat(YamlComposer.MAX_CHARS) + "\npointcuts: []\n";
    List<ConfigProblem> p = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problemsOf(yaml));
    assertEquals(List.of("t.yaml:0:0: file too large: " + yaml.length() + " characters; the limit is 8388608"),
        List.of(p.get(0).toString()));
  }

  @Test
  void tenThousandPointcuts() throws Exception {
    StringBuilder sb = new StringBuilder("pointcuts:\n");
    for (int i = 0; i < 10_000; i++) {
      sb.append("  - name: p").append(i).append('\n')
          .append("    class: com.acme.pkg").append(i % 100).append(".*Service\n")
          .append("    method: call").append(i).append('\n')
          .append("    span: 'op {arg0.id}'\n")
          .append("    capture:\n")
          .append("      a: arg0.x\n")
          .append("      b: return.y['k']\n");
    }
    String yaml = sb.toString();
    AgentConfig c = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ConfigLoader.parse(yaml, "big.yaml"));
    assertEquals(10_000, c.pointcuts().size());
    assertEquals("p9999", c.pointcuts().get(9999).name());
    assertEquals(9999 * 7 + 2, c.pointcuts().get(9999).line());
  }

  @Test
  void tenThousandBrokenPointcutsAreAllReported() {
    StringBuilder sb = new StringBuilder("pointcuts:\n");
    for (int i = 0; i < 10_000; i++) {
      sb.append("  - name: dup\n    class: a.B\n    method: m\n");
    }
    List<ConfigProblem> p = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> problemsOf(sb.toString()));
    assertEquals(9_999, p.size());
    assertEquals("t.yaml:29999:11: duplicate pointcut name 'dup' (first defined at line 2)",
        p.get(p.size() - 1).toString());
  }
}
