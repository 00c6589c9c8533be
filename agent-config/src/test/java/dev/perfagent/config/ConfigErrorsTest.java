package dev.perfagent.config;

import static dev.perfagent.config.Yaml.invalid;
import static dev.perfagent.config.Yaml.pointcut;
import static dev.perfagent.config.Yaml.pointcutProblems;
import static dev.perfagent.config.Yaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid configurations: every message, by text and by line:column. */
class ConfigErrorsTest {
  private static final String POINTCUT_KEYS = "name, class, subtype-of, class-annotation, method, parameters,"
      + " method-annotation, span, kind, attributes, capture, flow-down, content, mode, min-duration, end, nesting,"
      + " group, extract";
  private static final String TOP_KEYS = "service, export, presets, prices, pointcuts, propagation, limits, content, watch";

  @Test
  void problemParts() {
    ConfigException e = invalid("pointcuts:", "  - name: p", "    class: com.acme.C", "    method: run",
        "    clas: x");
    assertEquals(1, e.problems().size());
    ConfigProblem p = e.problems().get(0);
    assertEquals("t.yaml", p.source());
    assertEquals(5, p.line());
    assertEquals(5, p.column());
    assertEquals("unknown key 'clas'; expected one of: " + POINTCUT_KEYS + "; did you mean 'class'?", p.message());
    assertEquals("t.yaml:5:5: " + p.message(), p.toString());
    assertEquals("1 problem in t.yaml:\n" + p, e.getMessage());
  }

  @Test
  void unknownKeyWithoutHint() {
    assertEquals(List.of("t.yaml:5:5: unknown key 'color'; expected one of: " + POINTCUT_KEYS),
        pointcutProblems("color: red"));
  }

  @Test
  void misspelledRequiredKeyIsReportedOnce() {
    // 'clas' suggests 'class': no second message about class/subtype-of missing
    assertEquals(List.of("t.yaml:3:5: unknown key 'clas'; expected one of: " + POINTCUT_KEYS
            + "; did you mean 'class'?"),
        problems("pointcuts:", "  - name: p", "    clas: com.acme.C", "    method: run"));
    assertEquals(List.of("t.yaml:1:1: unknown key 'pointcut'; expected one of: " + TOP_KEYS
            + "; did you mean 'pointcuts'?"),
        problems("pointcut: []"));
  }

  @Test
  void unknownTopLevelAndLimitsKeys() {
    assertEquals(List.of(
        "t.yaml:1:1: unknown key 'propagaton'; expected one of: " + TOP_KEYS + "; did you mean 'propagation'?",
        "t.yaml:2:1: unknown key 'limit'; expected one of: " + TOP_KEYS + "; did you mean 'limits'?",
        "t.yaml:4:3: unknown key 'value-lenght'; expected one of: value-length, list-length, open-span-timeout, name-length, classes-per-pointcut;"
            + " did you mean 'value-length'?",
        "t.yaml:5:3: unknown key 'timeout'; expected one of: value-length, list-length, open-span-timeout, name-length, classes-per-pointcut"),
        problems("propagaton: false", "limit: {}", "limits:", "  value-lenght: 10", "  timeout: 1s",
            "pointcuts: []"));
    assertEquals(List.of("t.yaml:1:9: limits: expected a mapping, got a list"),
        problems("limits: [a]", "pointcuts: []"));
  }

  @Test
  void unknownTopLevelAndExportKeys() {
    assertEquals(List.of(
        "t.yaml:1:1: unknown key 'servce'; expected one of: " + TOP_KEYS + "; did you mean 'service'?",
        "t.yaml:3:3: unknown key 'endpont'; expected one of: endpoint, protocol, headers, file, metrics-file,"
            + " buffer-size, log-level, exception-message, exception-stack-trace; did you mean 'endpoint'?",
        "t.yaml:4:3: unknown key 'bufferSize'; expected one of: endpoint, protocol, headers, file, metrics-file,"
            + " buffer-size, log-level, exception-message, exception-stack-trace; did you mean 'buffer-size'?"),
        problems("servce: x", "export:", "  endpont: http://x:1", "  bufferSize: 10", "pointcuts: []"));
  }

  @Test
  void severalErrorsInOneFileAllReportedInFileOrder() {
    ConfigException e = invalid(
        "service: [a, b]",                    // 1
        "export:",                            // 2
        "  buffer-size: \"8192\"",            // 3
        "  log-level: verbose",               // 4
        "pointcuts:",                         // 5
        "  - name: bad name",                 // 6
        "    class: com..acme",               // 7
        "    method: run",                    // 8
        "    kind: sideways",                 // 9
        "  - class: com.acme.X",              // 10
        "    method: 'a.b'",                  // 11
        "    min-duration: 5sec");            // 12
    assertEquals(List.of(
        "t.yaml:1:10: service: expected a string, got a list",
        "t.yaml:3:16: buffer-size: expected an integer between 16 and 16777216, got the quoted string '8192'",
        "t.yaml:4:14: log-level: invalid value 'verbose'; expected one of: error, warn, info, debug",
        "t.yaml:6:11: name: invalid pointcut name 'bad name'; use only letters, digits and _ . : -",
        "t.yaml:7:12: class: invalid class pattern 'com..acme': must not contain '..' (empty name segment)",
        "t.yaml:9:11: kind: invalid value 'sideways'; expected one of: internal, client, server, producer,"
            + " consumer",
        "t.yaml:10:5: pointcut is missing required key 'name'",
        "t.yaml:11:13: method: invalid method pattern 'a.b': '.' is not allowed in a method name pattern",
        "t.yaml:12:19: min-duration: unknown unit 'sec' in duration '5sec'; use ns, us, ms or s"),
        e.problems().stream().map(ConfigProblem::toString).collect(java.util.stream.Collectors.toList()));
    assertEquals(9, e.problems().size());
    assertEquals("9 problems in t.yaml:\n" + String.join("\n",
        e.problems().stream().map(ConfigProblem::toString).collect(java.util.stream.Collectors.toList())),
        e.getMessage());
  }

  @Test
  void missingRequiredKeys() {
    assertEquals(List.of(
        "t.yaml:2:5: pointcut is missing required key 'name'",
        "t.yaml:2:5: pointcut is missing required key 'method'",
        "t.yaml:2:5: pointcut needs 'class' or 'subtype-of' (or both)",
        "t.yaml:4:5: pointcut 'p2' is missing required key 'method'",
        "t.yaml:6:5: pointcut 'p3' needs 'class' or 'subtype-of' (or both)"),
        problems(
            "pointcuts:",
            "  - kind: client",
            "  - ",
            "    name: p2",
            "    class: a.B",
            "  - name: p3",
            "    method: m"));
  }

  @Test
  void unknownPresetsAreNamedWithTheNearestOne() {
    assertEquals(List.of("t.yaml:1:11: presets: invalid value 'opnai'; expected one of: openai, anthropic,"
        + " langchain4j, spring-ai, jdbc; did you mean 'openai'?"), problems("presets: [opnai]"));
    assertEquals(List.of("t.yaml:1:10: presets: invalid value 'some'; expected one of: all, none"),
        problems("presets: some"));
    assertEquals(List.of("t.yaml:1:10: presets: expected all, none or a list of presets (openai, anthropic,"
        + " langchain4j, spring-ai, jdbc), got a mapping"), problems("presets: {openai: true}"));
  }

  @Test
  void emptyPointcutEntry() {
    assertEquals(List.of("t.yaml:2:4: expected a pointcut (a mapping with name, class or subtype-of, method,"
        + " ...), got an empty value"), problems("pointcuts:", "  -", "  - {name: a, class: a.B, method: m}"));
  }

  @Test
  void headersThatHttpCannotSendAreRefusedAtLoadWithoutShowingTheValue() {
    assertEquals(
        List.of(
            "t.yaml:3:5: header 'x api key': invalid header name; use letters, digits and !#$%&'*+-.^_`|~ (no spaces)",
            "t.yaml:4:14: header 'x-token': the value contains a line break or another control character,"
                + " which HTTP does not allow",
            "t.yaml:5:15: header 'x-tenant': the value contains a line break or another control character,"
                + " which HTTP does not allow"),
        problems(
            "export:", "  headers:", "    x api key: a", "    x-token: \"s3cr3t\\r\\nX-Injected: 1\"",
            "    x-tenant: \"t\\u0000\"", "    x-ok: \"tab\\tis fine\"", "pointcuts: []"));
    String all = String.join("\n", problems("export:", "  headers:", "    x-token: \"s3cr3t\\n\"", "pointcuts: []"));
    assertFalse(all.contains("s3cr3t"), all);
  }

  @Test
  void wrongTypes() {
    assertEquals(List.of("t.yaml:1:1: expected a mapping with the keys " + TOP_KEYS + " at the top"
        + " level, got a list"), problems("- a", "- b"));
    assertEquals(List.of("t.yaml:1:1: expected a mapping with the keys " + TOP_KEYS + " at the top"
        + " level, got 'just text'"), problems("just text"));
    assertEquals(List.of("t.yaml:1:12: pointcuts: expected a list of pointcuts, got a mapping"),
        problems("pointcuts: {name: a}"));
    assertEquals(List.of("t.yaml:1:9: export: expected a mapping, got a list"),
        problems("export: [a]", "pointcuts: []"));
    assertEquals(List.of("t.yaml:2:12: headers: expected a mapping of header names to values, got a list"),
        problems("export:", "  headers: [a, b]", "pointcuts: []"));
    assertEquals(List.of("t.yaml:3:16: header 'x-api-key': expected a string, got a mapping"),
        problems("export:", "  headers:", "    x-api-key: {a: b}", "pointcuts: []"));
    assertEquals(List.of("t.yaml:2:5: expected a pointcut (a mapping with name, class or subtype-of, method,"
        + " ...), got 'tool-run'"), problems("pointcuts:", "  - tool-run"));
    assertEquals(List.of("t.yaml:5:7: method: expected a string, got a list"),
        problems("pointcuts:", "  - name: p", "    class: com.acme.C", "    method: ", "      - run"));
    assertEquals(List.of("t.yaml:5:17: subtype-of: expected a string, got a mapping"),
        pointcutProblems("subtype-of: {a: b}"));
    assertEquals(List.of("t.yaml:5:17: parameters: expected a list of strings, got 'int' (write [int])"),
        pointcutProblems("parameters: int"));
    assertEquals(List.of("t.yaml:5:17: parameters: expected a list of strings, got a mapping"),
        pointcutProblems("parameters: {a: int}"));
    assertEquals(List.of("t.yaml:5:18: parameters: expected a list of strings, got a list as an element"),
        pointcutProblems("parameters: [[int]]"));
    assertEquals(List.of("t.yaml:5:16: parameters: expected a list of strings, got an empty value"),
        pointcutProblems("parameters:"));
    assertEquals(List.of("t.yaml:5:17: attributes: expected a mapping of attribute names to values, got a list"),
        pointcutProblems("attributes: [a, b]"));
    assertEquals(List.of("t.yaml:5:14: capture: expected a mapping of attribute names to property paths,"
        + " got 'this.name'"), pointcutProblems("capture: this.name"));
    assertEquals(List.of("t.yaml:5:11: span: expected a string, got a list"), pointcutProblems("span: [a]"));
    assertEquals(List.of("t.yaml:5:10: span: expected a string, got an empty value"), pointcutProblems("span:"));
    assertEquals(List.of("t.yaml:5:11: kind: expected one of: internal, client, server, producer, consumer,"
        + " got a list"), pointcutProblems("kind: [client]"));
    assertEquals(List.of("t.yaml:5:19: min-duration: expected a duration such as 2ms, got a mapping"),
        pointcutProblems("min-duration: {ms: 2}"));
    assertEquals(List.of("t.yaml:5:11: name: must not be empty"),
        problems("pointcuts:", "  - class: a.B", "    method: m", "    attributes: {}", "    name: ''"));
  }

  @Test
  void attributeValueErrors() {
    assertEquals(List.of(
        "t.yaml:6:13: attribute 'list': expected a string, number or boolean, got a list",
        "t.yaml:7:12: attribute 'nil': expected a string, number or boolean, got an empty value",
        "t.yaml:8:12: attribute 'big': integer '99999999999999999999' is out of range for a 64-bit long;"
            + " quote it to use it as a string",
        "t.yaml:9:7: empty attribute name"),
        pointcutProblems(
            "attributes:",
            "  list: [1, 2]",
            "  nil: ~",
            "  big: 99999999999999999999",
            "  '': x"));
  }

  @Test
  void captureErrors() {
    assertEquals(List.of(
        "t.yaml:6:10: capture 'a': invalid path 'arg0.getX()': method calls are not allowed; write arg0.x",
        "t.yaml:7:10: capture 'b': invalid path 'self.x': unknown root 'self'; a path starts with this, return,"
            + " thrown, chunk or argN (e.g. arg0)",
        "t.yaml:8:10: capture 'c': invalid path 'arg0.': path must not end with '.'",
        "t.yaml:9:10: capture 'd': invalid path 'arg[0]': 'arg' needs a zero-based parameter index, e.g. arg0",
        "t.yaml:10:10: capture 'e': invalid path 'this.m[x]': bad bracket syntax at position 7; write ['key'] or"
            + " [\"key\"] (a quoted map key), or [*] for each element (index access is not supported)",
        "t.yaml:11:10: capture 'f': invalid list [self.x]: item 1: unknown root 'self'; a path starts with this,"
            + " return, thrown, chunk or argN (e.g. arg0)",
        "t.yaml:12:10: capture 'g': invalid list []: a list needs at least one path",
        "t.yaml:13:11: capture 'h': expected a list of strings, got a mapping as an element"),
        pointcutProblems(
            "capture:",
            "  a: arg0.getX()",
            "  b: self.x",
            "  c: arg0.",
            "  d: arg[0]",
            "  e: this.m[x]",
            "  f: [self.x]",
            "  g: []",
            "  h: [{x: y}]",
            "  ok: [return.a, this]"));
  }

  @Test
  void argIndexOutOfRangeWithParameters() {
    assertEquals(List.of(
        "t.yaml:8:10: capture 'a': arg3 does not exist: the method takes 2 parameters",
        "t.yaml:9:11: span: arg2 does not exist: the method takes 2 parameters"),
        pointcutProblems(
            "parameters: [com.acme.Request, int]",
            "capture:",
            "  ok: arg1",
            "  a: arg3.id",
            "span: x {arg2}"));
    assertEquals(List.of("t.yaml:6:18: capture 'a': arg0 does not exist: the method takes no parameters"),
        pointcutProblems("parameters: []", "capture: {a: arg0}"));
    assertEquals(List.of("t.yaml:6:18: capture 'a': arg1 does not exist: the method takes 1 parameter"),
        pointcutProblems("parameters: [long]", "capture: {a: arg1}"));
  }

  @Test
  void parameterTypeErrors() {
    assertEquals(List.of(
        "t.yaml:6:7: parameters: invalid type 'String': use the fully qualified name: 'java.lang.String'",
        "t.yaml:7:7: parameters: invalid type 'java.util.List<String>': type arguments are erased at runtime;"
            + " write 'java.util.List'",
        "t.yaml:8:7: parameters: invalid type 'java.lang.Object...': write a varargs parameter as an array:"
            + " 'java.lang.Object[]'",
        "t.yaml:9:7: parameters: invalid type 'com.acme.*': wildcards are not allowed here; give the exact"
            + " class name",
        "t.yaml:10:7: parameters: invalid type 'int[': array types are written like 'byte[]' or"
            + " 'java.lang.String[][]'",
        "t.yaml:11:7: parameters: invalid type '[]': missing type before '[]'",
        "t.yaml:12:7: parameters: invalid type 'a b': invalid character ' ' at position 2; expected a class name"
            + " like com.acme.Tool"),
        pointcutProblems(
            "parameters:",
            "- String",
            "- java.util.List<String>",
            "- java.lang.Object...",
            "- com.acme.*",
            "- int[",
            "- '[]'",
            "- a b"));
  }

  @Test
  void exactClassNameErrors() {
    assertEquals(List.of(
        "t.yaml:5:17: subtype-of: invalid class name 'com.acme.*': wildcards are not allowed here; give the"
            + " exact class name",
        "t.yaml:6:23: class-annotation: invalid class name 'com..Traced': empty name segment; expected a class"
            + " name like com.acme.Tool",
        "t.yaml:7:24: method-annotation: invalid class name '@com.acme.Timed': invalid character '@' at"
            + " position 1; expected a class name like com.acme.Tool"),
        pointcutProblems(
            "subtype-of: com.acme.*",
            "class-annotation: com..Traced",
            "method-annotation: '@com.acme.Timed'"));
  }

  @Test
  void patternErrors() {
    assertEquals(List.of(
        "t.yaml:3:12: class: invalid class pattern 'com.acme.***': '***' is not allowed; use '*' (within one"
            + " name segment) or '**' (across segments)",
        "t.yaml:4:13: method: invalid method pattern 'run()': invalid character '(' at position 4; allowed are"
            + " Java identifier characters, '.', '$' and '*'",
        "t.yaml:7:12: class: invalid class pattern '.acme.X': must not start with '.'",
        "t.yaml:8:13: method: invalid method pattern 'Foo.bar': '.' is not allowed in a method name pattern",
        "t.yaml:11:12: class: invalid class pattern 'com/acme/X': invalid character '/' at position 4; allowed"
            + " are Java identifier characters, '.', '$' and '*'",
        "t.yaml:14:12: class: invalid class pattern 'com.acme.': must not end with '.'"),
        problems(
            "pointcuts:",
            "  - name: a",
            "    class: com.acme.***",
            "    method: run()",
            "  - name: b",
            "    subtype-of: a.B",
            "    class: .acme.X",
            "    method: Foo.bar",
            "  - name: c",
            "    method: m",
            "    class: com/acme/X",
            "  - name: d",
            "    method: m",
            "    class: com.acme."));
  }

  @Test
  void templateErrors() {
    assertEquals(List.of("t.yaml:5:11: span: invalid template 'execute_tool {this.name': unclosed '{' at"
        + " position 14; write '{{' for a literal brace"), pointcutProblems("span: execute_tool {this.name"));
    assertEquals(List.of("t.yaml:5:11: span: invalid template 'x {}': empty placeholder '{}' at position 3"),
        pointcutProblems("span: 'x {}'"));
    assertEquals(List.of("t.yaml:5:11: span: {nope} is neither a path (starting with this, return, thrown, chunk"
        + " or argN) nor an attribute or capture of this pointcut"),
        pointcutProblems("span: 'x {nope}'"));
    assertEquals(List.of("t.yaml:5:11: span: {retrun.model} is neither a path (starting with this, return,"
        + " thrown, chunk or argN) nor an attribute or capture of this pointcut; did you mean 'return.model'?"),
        pointcutProblems("span: 'x {retrun.model}'"));
    assertEquals(List.of("t.yaml:5:11: span: {Class} is neither a path (starting with this, return, thrown, chunk"
        + " or argN) nor an attribute or capture of this pointcut (the built-ins are {class} and {method})"),
        pointcutProblems("span: '{Class}'"));
    assertEquals(List.of("t.yaml:5:11: span: invalid template 'a } b': single '}' at position 3; write '}}' for"
        + " a literal brace"), pointcutProblems("span: 'a } b'"));
    assertEquals(List.of("t.yaml:5:11: span: must not be empty"), pointcutProblems("span: ''"));
  }

  @Test
  void durationErrors() {
    assertEquals(List.of("t.yaml:5:19: min-duration: duration '-1ms' must not be negative"),
        pointcutProblems("min-duration: -1ms"));
    assertEquals(List.of("t.yaml:5:19: min-duration: duration '5' has no unit; write e.g. 5ms (units: ns, us,"
        + " ms, s)"), pointcutProblems("min-duration: 5"));
    assertEquals(List.of("t.yaml:5:19: min-duration: invalid duration 'soon'; write a number and a unit, e.g."
        + " 250us, 1.5ms, 2s (units: ns, us, ms, s)"), pointcutProblems("min-duration: soon"));
    assertEquals(List.of("t.yaml:5:19: min-duration: duration '0.5ns' is not a whole number of nanoseconds"),
        pointcutProblems("min-duration: 0.5ns"));
  }

  @Test
  void duplicatePointcutNames() {
    assertEquals(List.of(
        "t.yaml:5:11: duplicate pointcut name 'llm' (first defined at line 2)",
        "t.yaml:8:11: duplicate pointcut name 'llm' (first defined at line 2)"),
        problems(
            "pointcuts:",
            "  - name: llm",
            "    class: a.B",
            "    method: m",
            "  - name: llm",
            "    class: a.C",
            "    method: m",
            "  - name: llm",
            "    class: a.D",
            "    method: m"));
  }

  @Test
  void duplicateKeys() {
    assertEquals(List.of(
        "t.yaml:2:1: duplicate key 'service' (first defined at line 1)",
        "t.yaml:4:3: duplicate key 'file' (first defined at line 3)",
        "t.yaml:6:5: duplicate header name 'a' (first defined at line 5)",
        "t.yaml:11:5: duplicate key 'method' (first defined at line 10)",
        "t.yaml:13:7: duplicate attribute name 'x' (first defined at line 12)",
        "t.yaml:15:7: duplicate attribute name 'y' (first defined at line 14)"),
        problems(
            "service: a",
            "service: b",
            "export: {file: a.jsonl,",
            "  file: b.jsonl, headers: {",
            "    a: 1,",
            "    a: 2}}",
            "pointcuts:",
            "  - name: p",
            "    class: a.B",
            "    method: m",
            "    method: n",
            "    attributes: {x: 1,",
            "      x: 2}",
            "    capture: {y: this,",
            "      y: this}"));
  }

  @Test
  void aggregateModeRestrictions() {
    assertEquals(List.of(
        "t.yaml:6:5: 'span' cannot be used with mode: aggregate (aggregate mode records no span)",
        "t.yaml:7:5: 'capture' cannot be used with mode: aggregate (aggregate mode records no span)",
        "t.yaml:8:5: 'min-duration' cannot be used with mode: aggregate (aggregate mode records no span)"),
        pointcutProblems(
            "mode: aggregate",
            "span: pool lookup",
            "capture: {pool: this.name}",
            "min-duration: 1ms"));
  }

  @Test
  void aggregateModeRejectsEndAndNesting() {
    assertEquals(List.of(
        "t.yaml:6:5: 'end' cannot be used with mode: aggregate (aggregate mode records no span)",
        "t.yaml:7:5: 'nesting' cannot be used with mode: aggregate (aggregate mode records no span)",
        "t.yaml:8:5: 'group' cannot be used with mode: aggregate (aggregate mode records no span)"),
        pointcutProblems(
            "mode: aggregate",
            "end: exit",
            "nesting: outermost",
            "group: pool"));
    // one mistake, one message: not also "only applies with nesting: outermost"
    assertEquals(List.of("t.yaml:6:5: 'group' cannot be used with mode: aggregate (aggregate mode records no span)"),
        pointcutProblems("mode: aggregate", "group: pool"));
  }

  @Test
  void groupOnlyWithOutermost() {
    assertEquals(List.of("t.yaml:5:5: 'group' only applies with nesting: outermost"),
        pointcutProblems("group: llm"));
    assertEquals(List.of("t.yaml:6:5: 'group' only applies with nesting: outermost"),
        pointcutProblems("nesting: all", "group: llm"));
    // a bad or misspelled 'nesting' is the one mistake reported
    assertEquals(List.of("t.yaml:5:14: nesting: invalid value 'outermots'; expected one of: all, outermost;"
        + " did you mean 'outermost'?"), pointcutProblems("nesting: outermots", "group: llm"));
    assertEquals(List.of("t.yaml:5:5: unknown key 'nestng'; expected one of: " + POINTCUT_KEYS
        + "; did you mean 'nesting'?"), pointcutProblems("nestng: outermost", "group: llm"));
  }

  @Test
  void groupNameErrors() {
    assertEquals(List.of("t.yaml:6:12: group: invalid group name 'llm calls'; use only letters, digits and"
        + " _ . : -"), pointcutProblems("nesting: outermost", "group: llm calls"));
    assertEquals(List.of("t.yaml:6:12: group: must not be empty"), pointcutProblems("nesting: outermost", "group: ''"));
    assertEquals(List.of("t.yaml:6:12: group: expected a string, got a list"),
        pointcutProblems("nesting: outermost", "group: [a]"));
  }

  @Test
  void endAndNestingValues() {
    assertEquals(List.of("t.yaml:5:10: end: invalid value 'clsoe'; expected one of: auto, exit, completion,"
        + " close, callback; did you mean 'close'?"), pointcutProblems("end: clsoe"));
    assertEquals(List.of("t.yaml:5:10: end: invalid value 'return'; expected one of: auto, exit, completion,"
        + " close, callback"), pointcutProblems("end: return"));
    assertEquals(List.of("t.yaml:5:10: end: expected one of: auto, exit, completion, close, callback, got a list"),
        pointcutProblems("end: [exit]"));
    assertEquals(List.of("t.yaml:5:9: end: expected one of: auto, exit, completion, close, callback, got an"
        + " empty value"),
        pointcutProblems("end:"));
    assertEquals(List.of("t.yaml:5:14: nesting: invalid value 'true'; expected one of: all, outermost"),
        pointcutProblems("nesting: true"));
    assertEquals(List.of("t.yaml:5:14: nesting: expected one of: all, outermost, got a mapping"),
        pointcutProblems("nesting: {a: b}"));
  }

  @Test
  void propagationErrors() {
    assertEquals(List.of("t.yaml:1:14: propagation: expected true or false, got 'yes'"),
        problems("propagation: yes", "pointcuts: []"));
    assertEquals(List.of("t.yaml:1:14: propagation: expected true or false, got the quoted string 'false'"),
        problems("propagation: \"false\"", "pointcuts: []"));
    assertEquals(List.of("t.yaml:1:14: propagation: expected true or false, got a list"),
        problems("propagation: [true]", "pointcuts: []"));
    assertEquals(List.of("t.yaml:1:13: propagation: expected true or false, got an empty value"),
        problems("propagation:", "pointcuts: []"));
    assertEquals(List.of("t.yaml:1:14: propagation: expected true or false, got '1'"),
        problems("propagation: 1", "pointcuts: []"));
  }

  @Test
  void limitsErrors() {
    assertEquals(List.of(
        "t.yaml:2:17: value-length: expected an integer between 16 and 1048576, got '15'",
        "t.yaml:3:16: list-length: expected an integer between 1 and 65536, got '0'",
        "t.yaml:4:22: open-span-timeout: duration '0s' must be more than 0"),
        problems(
            "limits:",
            "  value-length: 15",
            "  list-length: 0",
            "  open-span-timeout: 0s",
            "pointcuts: []"));
    assertEquals(List.of(
        "t.yaml:2:17: value-length: expected an integer between 16 and 1048576, got '1048577'",
        "t.yaml:3:16: list-length: expected an integer between 1 and 65536, got '65537'",
        "t.yaml:4:22: open-span-timeout: duration '-1s' must not be negative"),
        problems(
            "limits:",
            "  value-length: 1048577",
            "  list-length: 65537",
            "  open-span-timeout: -1s",
            "pointcuts: []"));
    assertEquals(List.of(
        "t.yaml:2:17: value-length: expected an integer between 16 and 1048576, got the quoted string '4096'",
        "t.yaml:3:16: list-length: expected an integer between 1 and 65536, got a list",
        "t.yaml:4:22: open-span-timeout: unknown unit 'm' in duration '10m'; use ns, us, ms or s"),
        problems(
            "limits:",
            "  value-length: '4096'",
            "  list-length: [1]",
            "  open-span-timeout: 10m",
            "pointcuts: []"));
    assertEquals(List.of("t.yaml:1:29: open-span-timeout: expected a duration such as 2ms, got a mapping"),
        problems("limits: {open-span-timeout: {s: 1}}", "pointcuts: []"));
  }

  @Test
  void invalidKindAndModeValuesListAllowedValues() {
    assertEquals(List.of("t.yaml:5:11: kind: invalid value 'clinet'; expected one of: internal, client, server,"
        + " producer, consumer; did you mean 'client'?"), pointcutProblems("kind: clinet"));
    assertEquals(List.of("t.yaml:5:11: mode: invalid value 'aggregated'; expected one of: span, aggregate;"
        + " did you mean 'aggregate'?"), pointcutProblems("mode: aggregated"));
    assertEquals(List.of("t.yaml:5:11: mode: invalid value 'metrics'; expected one of: span, aggregate"),
        pointcutProblems("mode: metrics"));
  }

  @Test
  void exportValueErrors() {
    assertEquals(List.of(
        "t.yaml:2:13: endpoint: expected an http:// or https:// URL such as http://localhost:4318, got"
            + " 'localhost:4317'",
        "t.yaml:3:13: protocol: invalid value 'http'; expected one of: grpc, http/protobuf",
        "t.yaml:4:9: file: must not be empty",
        "t.yaml:5:17: metrics-file: expected a string, got a list",
        "t.yaml:6:16: buffer-size: expected an integer between 16 and 16777216, got '15'",
        "t.yaml:7:14: log-level: invalid value 'trace'; expected one of: error, warn, info, debug"),
        problems(
            "export:",
            "  endpoint: localhost:4317",
            "  protocol: http",
            "  file: ''",
            "  metrics-file: [a]",
            "  buffer-size: 15",
            "  log-level: trace",
            "pointcuts: []"));
    assertEquals(List.of("t.yaml:1:23: buffer-size: expected an integer between 16 and 16777216, got '16777217'"),
        problems("export: {buffer-size: 16777217}", "pointcuts: []"));
    assertEquals(List.of("t.yaml:1:23: buffer-size: expected an integer between 16 and 16777216,"
        + " got '99999999999999999999999'"), problems("export: {buffer-size: 99999999999999999999999}",
        "pointcuts: []"));
    assertEquals(List.of("t.yaml:1:23: buffer-size: expected an integer between 16 and 16777216, got '8k'"),
        problems("export: {buffer-size: 8k}", "pointcuts: []"));
    assertEquals(List.of("t.yaml:1:23: buffer-size: expected an integer between 16 and 16777216, got '1.5'"),
        problems("export: {buffer-size: 1.5}", "pointcuts: []"));
  }

  @Test
  void attributeAndCaptureNameClash() {
    assertEquals(List.of("t.yaml:6:15: capture 'x': attribute is also set in 'attributes'; use one or the other"),
        pointcutProblems("attributes: {x: 1}", "capture: {x: this}"));
  }

  @Test
  void nonStringAndMergeKeys() {
    assertEquals(List.of("t.yaml:5:7: expected a string as key, got a list"),
        pointcutProblems("? [a, b]", ": c"));
    assertEquals(List.of("t.yaml:5:5: merge keys ('<<') are not supported; expected one of: " + POINTCUT_KEYS),
        pointcutProblems("<<: {kind: client}"));
  }

  @Test
  void longValuesAreShortenedInMessages() {
    String longName = "x".repeat(500);
    List<String> problems = pointcutProblems("kind: " + longName);
    assertEquals(List.of("t.yaml:5:11: kind: invalid value '" + "x".repeat(57) + "...'; expected one of:"
        + " internal, client, server, producer, consumer"), problems);
  }

  @Test
  void controlCharactersAreEscapedInMessages() {
    assertEquals(List.of("t.yaml:5:13: method: invalid method pattern 'a\\tb': invalid character '\\t' at"
        + " position 2; allowed are Java identifier characters, '.', '$' and '*'"),
        problems("pointcuts:", "  - name: p", "    class: com.acme.C", "    kind: client", "    method: \"a\\tb\""));
  }

  @Test
  void chunkPathsNeedASpanThatFollowsTheStream() {
    String needs = "'chunk' paths read the items of the stream the method returns or of the callback it takes;"
        + " they need end: close or end: callback";
    assertEquals(List.of("t.yaml:5:5: " + needs), pointcutProblems("capture: {tokens: chunk.usage.outputTokens}"));
    assertEquals(List.of("t.yaml:6:5: " + needs),
        pointcutProblems("capture: {tokens: chunk.usage.outputTokens}", "end: exit"));
    assertEquals(SpanEnd.CALLBACK, pointcut("capture: {tokens: chunk.usage.outputTokens}", "end: callback").end());
  }
}
