package dev.perfagent.config;

import static dev.perfagent.config.Yaml.parse;
import static dev.perfagent.config.Yaml.pointcut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Valid configurations: every key, every default. */
class ConfigLoaderTest {

  @Test
  void fullConfig() {
    AgentConfig c = parse(
        "service: returns-assistant",
        "export:",
        "  endpoint: http://localhost:4318",
        "  protocol: http/protobuf",
        "  headers:",
        "    x-api-key: secret",
        "    x-tenant: 42",
        "  file: out/traces.jsonl",
        "  metrics-file: out/metrics.jsonl",
        "  buffer-size: 1024",
        "  log-level: DEBUG",
        "  exception-message: false",
        "  exception-stack-trace: False",
        "propagation: false",
        "limits:",
        "  value-length: 100",
        "  list-length: 10",
        "  open-span-timeout: 30s",
        "  name-length: 100",
        "  classes-per-pointcut: 20",
        "pointcuts:",
        "  - name: tool-run",
        "    class: com.acme.returns.tools.*",
        "    subtype-of: com.acme.returns.tools.Tool",
        "    class-annotation: com.acme.Traced",
        "    method: run",
        "    parameters: [com.acme.returns.tools.ToolCall]",
        "    method-annotation: com.acme.Timed",
        "    span: \"execute_tool {this.name}\"",
        "    kind: Client",
        "    attributes:",
        "      gen_ai.operation.name: execute_tool",
        "    capture:",
        "      gen_ai.tool.name: this.name",
        "      gen_ai.tool.call.id: arg0.id",
        "    mode: span",
        "    min-duration: 2ms",
        "    end: completion",
        "    nesting: outermost",
        "    group: tools");
    assertEquals(Optional.of("returns-assistant"), c.service());
    assertEquals("t.yaml", c.source());

    ExportSettings e = c.export();
    assertEquals(Optional.of("http://localhost:4318"), e.endpoint());
    assertEquals(Optional.of("http/protobuf"), e.protocol());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-api-key", "secret");
    headers.put("x-tenant", "42");
    assertEquals(headers, e.headers());
    assertEquals(List.of("x-api-key", "x-tenant"), new ArrayList<>(e.headers().keySet()));
    assertEquals("out/traces.jsonl", e.file());
    assertEquals("out/metrics.jsonl", e.metricsFile());
    assertEquals(1024, e.bufferSize());
    assertEquals("debug", e.logLevel());
    assertFalse(e.exceptionMessage());
    assertFalse(e.exceptionStackTrace());

    assertFalse(c.propagation());
    assertEquals(100, c.limits().valueLength());
    assertEquals(10, c.limits().listLength());
    assertEquals(30_000_000_000L, c.limits().openSpanTimeoutNanos());
    assertEquals(100, c.limits().nameLength());
    assertEquals(20, c.limits().classesPerPointcut());

    assertEquals(1, c.pointcuts().size());
    Pointcut p = c.pointcuts().get(0);
    assertEquals("tool-run", p.name());
    assertEquals(22, p.line());
    assertEquals("com.acme.returns.tools.*", p.classPattern().get().text());
    assertTrue(p.classPattern().get().matches("com.acme.returns.tools.Search"));
    assertEquals(Optional.of("com.acme.returns.tools.Tool"), p.subtypeOf());
    assertEquals(Optional.of("com.acme.Traced"), p.classAnnotation());
    assertEquals("run", p.methodPattern().text());
    assertTrue(p.methodPattern().isExact());
    assertEquals(Optional.of(List.of("com.acme.returns.tools.ToolCall")), p.parameters());
    assertEquals(Optional.of("com.acme.Timed"), p.methodAnnotation());
    assertEquals("execute_tool {this.name}", p.spanName().text());
    assertEquals(SpanKind.CLIENT, p.kind());
    assertEquals(Map.of("gen_ai.operation.name", "execute_tool"), p.attributes());
    assertEquals(List.of("gen_ai.tool.name", "gen_ai.tool.call.id"), new ArrayList<>(p.captures().keySet()));
    assertEquals(PropertyPath.parse("this.name"), p.captures().get("gen_ai.tool.name").path());
    assertEquals(PropertyPath.parse("arg0.id"), p.captures().get("gen_ai.tool.call.id").path());
    assertEquals(Mode.SPAN, p.mode());
    assertEquals(2_000_000L, p.minDurationNanos());
    assertEquals(SpanEnd.COMPLETION, p.end());
    assertEquals(Nesting.OUTERMOST, p.nesting());
    assertEquals("tools", p.nestingGroup());
    // captures first, then template paths, without duplicates
    assertEquals(List.of(PropertyPath.parse("this.name"), PropertyPath.parse("arg0.id")), p.allPaths());
  }

  @Test
  void defaults() {
    AgentConfig c = parse("pointcuts:", "  - name: p", "    class: com.acme.C", "    method: run");
    assertEquals(Optional.empty(), c.service());
    ExportSettings e = c.export();
    assertEquals(Optional.empty(), e.endpoint());
    assertEquals(Optional.empty(), e.protocol());
    assertEquals(Map.of(), e.headers());
    assertEquals("perf-agent-traces.jsonl", e.file());
    assertEquals("perf-agent-metrics.jsonl", e.metricsFile());
    assertEquals(8192, e.bufferSize());
    assertEquals("info", e.logLevel());
    assertTrue(e.exceptionMessage());
    assertTrue(e.exceptionStackTrace());
    assertTrue(c.propagation());
    assertSame(Limits.defaults(), c.limits());

    Pointcut p = c.pointcuts().get(0);
    assertEquals(Optional.empty(), p.subtypeOf());
    assertEquals(Optional.empty(), p.classAnnotation());
    assertEquals(Optional.empty(), p.parameters());
    assertEquals(Optional.empty(), p.methodAnnotation());
    assertEquals("{class}.{method}", p.spanName().text());
    assertEquals(Template.Part.Kind.CLASS_NAME, p.spanName().parts().get(0).kind());
    assertEquals(Template.Part.Kind.METHOD_NAME, p.spanName().parts().get(2).kind());
    assertEquals(SpanKind.INTERNAL, p.kind());
    assertEquals(Map.of(), p.attributes());
    assertEquals(Map.of(), p.captures());
    assertEquals(Mode.SPAN, p.mode());
    assertEquals(0L, p.minDurationNanos());
    assertEquals(SpanEnd.AUTO, p.end());
    assertEquals(Nesting.ALL, p.nesting());
    assertEquals("p", p.nestingGroup());
    assertEquals(2, p.line());
    assertEquals(List.of(), p.allPaths());
  }

  @Test
  void exportDefaultsObject() {
    ExportSettings d = ExportSettings.defaults();
    assertEquals(Optional.empty(), d.endpoint());
    assertEquals(Optional.empty(), d.protocol());
    assertTrue(d.headers().isEmpty());
    assertEquals("perf-agent-traces.jsonl", d.file());
    assertEquals("perf-agent-metrics.jsonl", d.metricsFile());
    assertEquals(8192, d.bufferSize());
    assertEquals("info", d.logLevel());
  }

  @Test
  void limitsDefaultsObject() {
    Limits d = Limits.defaults();
    assertEquals(4096, d.valueLength());
    assertEquals(128, d.listLength());
    assertEquals(600_000_000_000L, d.openSpanTimeoutNanos());
  }

  @Test
  void noFileMeansDefaultsAndEveryPreset() {
    AgentConfig c = AgentConfig.defaults("x.yaml");
    assertEquals("x.yaml", c.source());
    assertEquals(Optional.empty(), c.service());
    assertTrue(c.pointcuts().isEmpty());
    assertEquals(Presets.NAMES, c.presets());
    assertFalse(c.pointcutsInForce().isEmpty());
    assertSame(ExportSettings.defaults(), c.export());
    assertTrue(c.propagation());
    assertSame(Limits.defaults(), c.limits());
  }

  @Test
  void emptyPointcutList() {
    assertTrue(parse("pointcuts: []").pointcuts().isEmpty());
    assertTrue(parse("pointcuts:").pointcuts().isEmpty());
    assertTrue(parse("service: s", "export:", "pointcuts:", "# all commented out").pointcuts().isEmpty());
  }

  @Test
  void emptyExportAndCollectionsMeanDefaults() {
    AgentConfig c = parse("export:", "  headers:", "limits:", "pointcuts:", "  - name: p", "    class: a.B",
        "    method: m", "    attributes:", "    capture:");
    assertEquals(Map.of(), c.export().headers());
    assertSame(Limits.defaults(), c.limits());
    assertEquals(Map.of(), c.pointcuts().get(0).attributes());
    assertEquals(Map.of(), c.pointcuts().get(0).captures());
  }

  @Test
  void kindsAndModesAreCaseInsensitive() {
    assertEquals(SpanKind.SERVER, pointcut("kind: SERVER").kind());
    assertEquals(SpanKind.PRODUCER, pointcut("kind: producer").kind());
    assertEquals(SpanKind.CONSUMER, pointcut("kind: Consumer").kind());
    assertEquals(SpanKind.INTERNAL, pointcut("kind: internal").kind());
    assertEquals(Mode.AGGREGATE, pointcut("mode: AGGREGATE").mode());
    assertEquals(Mode.SPAN, pointcut("mode: Span").mode());
  }

  @Test
  void spanEnds() {
    assertEquals(SpanEnd.AUTO, pointcut("end: auto").end());
    assertEquals(SpanEnd.EXIT, pointcut("end: exit").end());
    assertEquals(SpanEnd.COMPLETION, pointcut("end: Completion").end());
    assertEquals(SpanEnd.CLOSE, pointcut("end: CLOSE").end());
  }

  @Test
  void nestingAndGroup() {
    assertEquals(Nesting.ALL, pointcut("nesting: all").nesting());
    Pointcut outermost = pointcut("nesting: OUTERMOST");
    assertEquals(Nesting.OUTERMOST, outermost.nesting());
    assertEquals("p", outermost.nestingGroup());
    assertEquals("llm.chat:v2_x-1", pointcut("nesting: outermost", "group: llm.chat:v2_x-1").nestingGroup());
  }

  @Test
  void pointcutsShareAGroupAndMayNameAnotherPointcut() {
    AgentConfig c = parse(
        "pointcuts:",
        "  - {name: sdk, class: a.Sdk, method: create, nesting: outermost}",
        "  - {name: framework, class: a.Framework, method: call, nesting: outermost, group: sdk}",
        "  - {name: other, class: a.Other, method: call, nesting: outermost, group: sdk}");
    for (Pointcut p : c.pointcuts()) {
      assertEquals("sdk", p.nestingGroup());
    }
  }

  @Test
  void propagationValues() {
    assertTrue(parse("propagation: true", "pointcuts: []").propagation());
    assertTrue(parse("propagation: TRUE", "pointcuts: []").propagation());
    assertFalse(parse("propagation: false", "pointcuts: []").propagation());
    assertFalse(parse("propagation: False", "pointcuts: []").propagation());
  }

  @Test
  void limitBounds() {
    Limits low = parse("limits: {value-length: 16, list-length: 1, open-span-timeout: 1ns, name-length: 16,"
        + " classes-per-pointcut: 1}", "pointcuts: []").limits();
    assertEquals(16, low.nameLength());
    assertEquals(1, low.classesPerPointcut());
    assertEquals(16, low.valueLength());
    assertEquals(1, low.listLength());
    assertEquals(1L, low.openSpanTimeoutNanos());
    Limits high = parse("limits: {value-length: 1048576, list-length: 65536, open-span-timeout: 1.5s,"
        + " name-length: 65536, classes-per-pointcut: 100000}", "pointcuts: []").limits();
    assertEquals(65_536, high.nameLength());
    assertEquals(100_000, high.classesPerPointcut());
    assertEquals(1_048_576, high.valueLength());
    assertEquals(65_536, high.listLength());
    assertEquals(1_500_000_000L, high.openSpanTimeoutNanos());
  }

  @Test
  void limitsNotGivenKeepTheirDefaults() {
    Limits l = parse("limits:", "  list-length: 5", "pointcuts: []").limits();
    assertEquals(4096, l.valueLength());
    assertEquals(5, l.listLength());
    assertEquals(600_000_000_000L, l.openSpanTimeoutNanos());
  }

  @Test
  void protocolsAndLogLevels() {
    assertEquals(Optional.of("grpc"), parse("export: {protocol: GRPC}", "pointcuts: []").export().protocol());
    for (String level : List.of("error", "warn", "info", "debug")) {
      assertEquals(level, parse("export: {log-level: " + level + "}", "pointcuts: []").export().logLevel());
    }
    assertEquals(Optional.of("https://otel.example.com:4317/v1"),
        parse("export: {endpoint: 'https://otel.example.com:4317/v1'}", "pointcuts: []").export().endpoint());
  }

  @Test
  void bufferSizeBounds() {
    assertEquals(16, parse("export: {buffer-size: 16}", "pointcuts: []").export().bufferSize());
    assertEquals(16777216, parse("export: {buffer-size: 16777216}", "pointcuts: []").export().bufferSize());
  }

  @Test
  void attributeValueTypes() {
    Pointcut p = pointcut(
        "attributes:",
        "  int: 42",
        "  negative: -7",
        "  plus: +3",
        "  float: 1.5",
        "  exp: 1e3",
        "  bool-true: true",
        "  bool-false: False",
        "  text: hello world",
        "  quoted-int: '42'",
        "  quoted-bool: \"true\"",
        "  yes-is-text: yes",
        "  version: 1.2.3",
        "  inf: .inf",
        "  empty-quoted: ''");
    Map<String, Object> a = p.attributes();
    assertEquals(42L, a.get("int"));
    assertEquals(-7L, a.get("negative"));
    assertEquals(3L, a.get("plus"));
    assertEquals(1.5d, a.get("float"));
    assertEquals(1000d, a.get("exp"));
    assertEquals(Boolean.TRUE, a.get("bool-true"));
    assertEquals(Boolean.FALSE, a.get("bool-false"));
    assertEquals("hello world", a.get("text"));
    assertEquals("42", a.get("quoted-int"));
    assertEquals("true", a.get("quoted-bool"));
    assertEquals("yes", a.get("yes-is-text"));
    assertEquals("1.2.3", a.get("version"));
    assertEquals(Double.POSITIVE_INFINITY, a.get("inf"));
    assertEquals("", a.get("empty-quoted"));
    assertEquals(List.of("int", "negative", "plus", "float", "exp", "bool-true", "bool-false", "text",
        "quoted-int", "quoted-bool", "yes-is-text", "version", "inf", "empty-quoted"), new ArrayList<>(a.keySet()));
  }

  @Test
  void parameters() {
    assertEquals(Optional.of(List.of()), pointcut("parameters: []").parameters());
    assertEquals(Optional.of(List.of("int", "byte[]", "java.lang.String[][]", "com.acme.Outer$Inner")),
        pointcut("parameters:", "  - int", "  - byte[]", "  - java.lang.String[][]", "  - com.acme.Outer$Inner")
            .parameters());
  }

  @Test
  void subtypeOfAloneIsEnough() {
    AgentConfig c = parse("pointcuts:", "  - name: tools", "    subtype-of: com.acme.Tool", "    method: execute");
    Pointcut p = c.pointcuts().get(0);
    assertEquals(Optional.empty(), p.classPattern());
    assertEquals(Optional.of("com.acme.Tool"), p.subtypeOf());
  }

  @Test
  void aggregateMode() {
    Pointcut p = pointcut("mode: aggregate", "attributes: {pool: main}", "kind: client");
    assertEquals(Mode.AGGREGATE, p.mode());
    assertEquals(Map.of("pool", "main"), p.attributes());
  }

  @Test
  void argWithinParametersIsAccepted() {
    Pointcut p = pointcut("parameters: [java.lang.String, int]", "capture: {a: arg1, b: arg0.length}",
        "span: '{arg0} {arg1}'");
    assertEquals(1, p.captures().get("a").path().argIndex());
    // allPaths: captures, then template paths not already present
    assertEquals(List.of(PropertyPath.parse("arg1"), PropertyPath.parse("arg0.length"), PropertyPath.parse("arg0")),
        p.allPaths());
  }

  @Test
  void argWithoutParametersIsNotChecked() {
    assertEquals(7, pointcut("capture: {a: arg7}").captures().get("a").path().argIndex());
  }

  @Test
  void pointcutsKeepFileOrderAndLines() {
    AgentConfig c = parse(
        "pointcuts:",
        "  - name: b",
        "    class: a.B",
        "    method: m",
        "",
        "  - {name: a, class: a.A, method: n}",
        "  - name: c.d:e_f-1",
        "    class: a.C",
        "    method: '*'");
    List<String> names = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (Pointcut p : c.pointcuts()) {
      names.add(p.name());
      lines.add(p.line());
    }
    assertEquals(List.of("b", "a", "c.d:e_f-1"), names);
    assertEquals(List.of(2, 6, 7), lines);
  }

  @Test
  void resultIsUnmodifiable() {
    Pointcut p = pointcut("attributes: {a: 1}", "capture: {b: this.x}", "parameters: [int]");
    AgentConfig c = parse(Yaml.pointcutYaml());
    assertThrows(UnsupportedOperationException.class, () -> c.pointcuts().clear());
    assertThrows(UnsupportedOperationException.class, () -> p.attributes().put("x", 1L));
    assertThrows(UnsupportedOperationException.class, () -> p.captures().clear());
    assertThrows(UnsupportedOperationException.class, () -> p.parameters().get().add("long"));
    assertThrows(UnsupportedOperationException.class, () -> p.allPaths().clear());
    assertThrows(UnsupportedOperationException.class, () -> c.export().headers().put("a", "b"));
  }

  @Test
  void flowStyleAndAnchorsWork() {
    AgentConfig c = parse(
        "pointcuts:",
        "  - name: a",
        "    class: a.A",
        "    method: m",
        "    attributes: &common {team: llm, tier: 1}",
        "  - name: b",
        "    class: a.B",
        "    method: m",
        "    attributes: *common");
    assertEquals(c.pointcuts().get(0).attributes(), c.pointcuts().get(1).attributes());
    assertEquals(1L, c.pointcuts().get(1).attributes().get("tier"));
  }

  @Test
  void byteOrderMarkIsIgnored() throws Exception {
    AgentConfig c = ConfigLoader.parse("\uFEFFservice: s\npointcuts: []\n", "bom.yaml");
    assertEquals(Optional.of("s"), c.service());
  }

  @Test
  void nullSourceName() throws Exception {
    assertEquals("<config>", ConfigLoader.parse("pointcuts: []", null).source());
  }

  @Test
  void serviceMayBeAnyScalar() {
    assertEquals(Optional.of("2024"), parse("service: 2024", "pointcuts: []").service());
  }

  @Test
  void durationsInConfig() {
    assertEquals(0L, pointcut("min-duration: 0").minDurationNanos());
    assertEquals(250_000L, pointcut("min-duration: 250us").minDurationNanos());
    assertEquals(1_500_000L, pointcut("min-duration: 1.5ms").minDurationNanos());
    assertEquals(2_000_000_000L, pointcut("min-duration: 2s").minDurationNanos());
    assertEquals(10L, pointcut("min-duration: 10ns").minDurationNanos());
  }

  @Test
  void wildcardMethodPatterns() {
    Pointcut p = pointcut();
    assertFalse(p.classPattern().get().matches("com.acme.D"));
    assertTrue(Yaml.parse("pointcuts:", "  - {name: x, class: 'com.acme.**', method: 'get*'}")
        .pointcuts().get(0).methodPattern().matches("getModel"));
  }
}
