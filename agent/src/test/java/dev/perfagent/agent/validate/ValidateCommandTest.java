package dev.perfagent.agent.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final String INITIALIZED = "validate.test.initialized";

  @TempDir static Path shared;
  private static Path classes;

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** A small application: a tool interface with two implementations, a service, a final result type. */
  @BeforeAll
  static void compileTheApplication() throws IOException {
    classes = CompiledClasses.compile(shared.resolve("classes"), Map.of(
        "com.acme.shop.Tool", "package com.acme.shop; public interface Tool { String run(String input); }",
        "com.acme.shop.SearchTool",
        "package com.acme.shop; public class SearchTool implements Tool {"
            + " public String run(String input) { return input; } public String name() { return \"search\"; } }",
        "com.acme.shop.PayTool",
        "package com.acme.shop; public class PayTool implements Tool {"
            + " public String run(String input) { return input; } String helper() { return \"\"; } }",
        "com.acme.shop.Receipt",
        "package com.acme.shop; public final class Receipt { public long getTotal() { return 1; }"
            + " public String currency() { return \"EUR\"; } }",
        "com.acme.shop.Checkout",
        "package com.acme.shop; public class Checkout {"
            + " static { System.setProperty(\"" + INITIALIZED + "\", \"yes\"); }"
            + " public Receipt pay(String order, int cents) { return new Receipt(); }"
            + " public Receipt pay(String order) { return pay(order, 0); }"
            + " public void cancel(String order) {} }"));
  }

  private int run(String... args) {
    return ValidateCommand.run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path config(String... lines) throws IOException {
    return Files.write(dir.resolve("perf-agent.yaml"), List.of(lines));
  }

  private static final String[] SHOP = {
    "presets: none",
    "pointcuts:",
    "  - name: shop.pay",
    "    class: com.acme.shop.Checkout",
    "    method: pay",
    "    parameters: [java.lang.String]",
    "    capture:",
    "      shop.total: return.total",
    "  - name: shop.tools",
    "    subtype-of: com.acme.shop.Tool",
    "    method: run",
    "    span: \"tool {this.name}\"",
    "    kind: client",
    "  - name: shop.typo",
    "    class: com.acme.shop.Checkout",
    "    method: cancle",
    "  - name: shop.bad-path",
    "    class: com.acme.shop.Checkout",
    "    method: pay",
    "    parameters: [java.lang.String, int]",
    "    capture:",
    "      shop.total: return.totl",
  };

  @Test
  void withoutAClassPathItSaysWhatEachPointcutMatchesAndRecords() throws IOException {
    Path config = config(SHOP);
    assertEquals(0, run(config.toString()), out());
    String o = out();
    assertTrue(o.contains(config + ": 4 pointcuts in force: 4 of the file, 0 of the presets (none)"), o);
    assertTrue(o.contains("  shop.pay (" + config + ":3): class com.acme.shop.Checkout, method pay(java.lang.String)"
        + " -> span \"{class}.{method}\" internal; captures shop.total=return.total\n"), o);
    assertTrue(o.contains("  shop.tools (" + config + ":9): subtype-of com.acme.shop.Tool, method run(..)"
        + " -> span \"tool {this.name}\" client\n"), o);
    assertTrue(o.contains(config + " is valid (0 errors, 0 warnings)"), o);
  }

  @Test
  void withAClassPathItListsTheMethodsTheWeaverWouldInstrument() throws IOException {
    assertEquals(0, run(config(SHOP).toString(), "--classpath", classes.toString()), out() + err());
    String o = out();
    assertTrue(o.contains("  shop.pay: 1 class, 1 method\n    com.acme.shop.Checkout.pay(java.lang.String)\n"), o);
    assertTrue(o.contains("  shop.tools: 2 classes, 2 methods\n"), o);
    assertTrue(o.contains("    com.acme.shop.PayTool.run(java.lang.String)\n"), o);
    assertTrue(o.contains("    com.acme.shop.SearchTool.run(java.lang.String)\n"), o);
    assertFalse(o.contains("com.acme.shop.Tool.run"), "an interface's abstract method is never woven: " + o);
    assertTrue(o.contains("  shop.typo: nothing\n"), o);
    assertTrue(o.contains("warning: pointcut 'shop.typo' (" + dir.resolve("perf-agent.yaml") + ":14) matches"
        + " nothing on the class path: class com.acme.shop.Checkout, method cancle(..);"
        + " com.acme.shop.Checkout has no such method; the nearest: cancel(java.lang.String)"), o);
    assertTrue(o.contains("warning: pointcut 'shop.bad-path', path return.totl can never have a value on"
        + " com.acme.shop.Checkout.pay(), as com.acme.shop.Receipt has no getter or field 'totl';"
        + " the nearest it has: total, currency"), o);
    assertTrue(o.contains("is valid (0 errors, 2 warnings)"), o);
    assertNull(System.getProperty(INITIALIZED), "no class of the class path is initialized");
  }

  @Test
  void twoPointcutsOnOneMethodAreAWarningUnlessOneNestingGroupMakesOneSpan() throws IOException {
    Path config = config("presets: [jdbc]", "pointcuts:",
        "  - name: my.execute", "    subtype-of: java.sql.Statement", "    method: execute",
        "  - name: pay.all", "    class: com.acme.shop.Checkout", "    method: pay",
        "  - name: pay.short", "    class: com.acme.shop.Checkout", "    method: pay",
        "    parameters: [java.lang.String]",
        "  - name: cancel.outer", "    class: com.acme.shop.Checkout", "    method: cancel",
        "    nesting: outermost", "    group: cancel",
        "  - name: cancel.inner", "    class: com.acme.shop.Checkout", "    method: cancel",
        "    nesting: outermost", "    group: cancel");
    Path db = CompiledClasses.compile(dir.resolve("db"), Map.of("com.acme.db.Stmt",
        "package com.acme.db; public abstract class Stmt implements java.sql.Statement {"
            + " public boolean execute(String sql) { return true; } }"));
    assertEquals(0, run(config.toString(), "--classpath", classes + File.pathSeparator + db), out() + err());
    String o = out();
    assertTrue(o.contains("warning: pointcuts 'my.execute' (" + config + ":3) and 'jdbc.execute' (preset jdbc)"
        + " both instrument com.acme.db.Stmt.execute(java.lang.String): each call makes two nested spans (and"
        + " an LLM call counts its tokens twice); name yours 'jdbc.execute' to replace the preset's, or switch the preset"
        + " off (presets:)"), o);
    assertTrue(o.contains("warning: pointcuts 'pay.all' (" + config + ":6) and 'pay.short' (" + config + ":9)"
        + " both instrument com.acme.shop.Checkout.pay(java.lang.String): each call makes two nested spans"
        + " (and an LLM call counts its tokens twice); drop one, or put both in one group with nesting: outermost"), o);
    assertFalse(o.contains("'cancel.outer'"), "one group, nesting: outermost: one span per call: " + o);
    assertTrue(o.contains("is valid (0 errors, 2 warnings)"), o);
  }

  @Test
  void strictFailsOnWarnings() throws IOException {
    assertEquals(1, run(config(SHOP).toString(), "--classpath", classes.toString(), "--strict"));
    assertTrue(out().contains("is valid, but --strict fails on its 0 errors, 2 warnings"), out());
  }

  @Test
  void overWidePointcutsAreWhatTheClassLimitWouldRefuse() throws IOException {
    Path config = config("presets: none", "limits:", "  classes-per-pointcut: 2", "pointcuts:",
        "  - name: everything", "    class: \"com.acme.**\"", "    method: \"*\"",
        "  - name: exact", "    class: com.acme.shop.Checkout", "    method: \"*\"");
    assertEquals(0, run(config.toString(), "--classpath", classes.toString()), out());
    String o = out();
    assertTrue(o.contains("  everything: 4 classes, 9 methods\n"), o);
    assertTrue(o.contains("warning: pointcut 'everything' matches 4 classes, more than 2"
        + " (limits.classes-per-pointcut): the agent weaves the first 2 the application loads"), o);
    assertFalse(o.contains("pointcut 'exact' matches"), "the limit does not apply to an exact class name: " + o);
  }

  @Test
  void aClassPatternOfEveryPackageIsAWarningWithoutAClassPath() throws IOException {
    Path config = config("presets: none", "pointcuts:",
        "  - name: everything", "    class: \"**\"", "    method: \"*\"",
        "  - name: tools", "    class: \"*Tool\"", "    subtype-of: com.acme.shop.Tool", "    method: run",
        "  - name: shop", "    class: \"com.acme.**\"", "    method: pay");
    assertEquals(0, run(config.toString()), out());
    String o = out();
    assertTrue(o.contains("warning: pointcut 'everything' (" + config + ":3): class '**' matches classes of every"
        + " package, the libraries' too: only the first 500 loaded (limits.classes-per-pointcut) are woven"), o);
    assertFalse(o.contains("pointcut 'tools' ("), "a supertype narrows it: " + o);
    assertFalse(o.contains("pointcut 'shop' ("), "a package narrows it: " + o);
    assertTrue(o.contains("0 errors, 1 warning"), o);
  }

  @Test
  void theListIsBoundedUnlessAllIsAsked() throws IOException {
    Path config = config("presets: none", "pointcuts:", "  - name: everything", "    class: \"com.acme.**\"",
        "    method: \"*\"");
    Path many = CompiledClasses.compile(dir.resolve("many"), Map.of("com.acme.Many",
        "package com.acme; public class Many { "
            + IntStream.range(0, 12).mapToObj(i -> "void m" + i + "() {} ").collect(Collectors.joining()) + "}"));
    assertEquals(0, run(config.toString(), "--classpath", classes + File.pathSeparator + many));
    assertTrue(out().contains("  everything: 5 classes, 21 methods\n"), out());
    assertTrue(out().contains("    ... and 11 more methods (--all lists every one)\n"), out());
    out.reset();
    assertEquals(0, run(config.toString(), "--classpath", classes + File.pathSeparator + many, "--all"));
    assertFalse(out().contains("more methods"), out());
    assertEquals(21, out().lines().filter(l -> l.startsWith("    com.acme.")).count(), out());
  }

  @Test
  void aPresetWhoseLibraryIsAbsentIsNotOnTheClassPathNotAnError() throws IOException {
    String anthropic = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.contains("anthropic-java-core")).findFirst().orElseThrow();
    Path config = config("presets: [anthropic, langchain4j]");
    assertEquals(0, run(config.toString(), "--classpath", anthropic, "--strict"), out());
    String o = out();
    assertTrue(o.contains("  anthropic.messages: 1 class, 1 method\n    com.anthropic.services.blocking.MessageServiceImpl"
        + ".create(com.anthropic.models.messages.MessageCreateParams, com.anthropic.core.RequestOptions)\n"), o);
    assertTrue(o.contains("  langchain4j: not on the class path\n"), o);
    assertTrue(o.contains("is valid (0 errors, 0 warnings)"), o);
  }

  @Test
  void aBrokenConfigGivesFileLineColumnAndExitOne() throws IOException {
    Path config = config("pointcuts:", "  - name: x", "    clas: com.acme.X", "    method: run");
    assertEquals(1, run(config.toString(), "--classpath", classes.toString()));
    assertTrue(out().contains(config + ":3:5: unknown key 'clas'"), out());
    assertTrue(out().contains("is not valid"), out());
  }

  @Test
  void badUsageIsExitTwo() throws IOException {
    assertEquals(2, run());
    assertTrue(err().contains("perf-agent validate: name the configuration file to check"), err());
    assertEquals(2, run(dir.resolve("absent.yaml").toString()));
    assertTrue(err().contains("no file " + dir.resolve("absent.yaml")), err());
    assertEquals(2, run(config("pointcuts: []").toString(), "--colour"));
    assertTrue(err().contains("unknown option --colour"), err());
    assertEquals(2, run(config("pointcuts: []").toString(), "--classpath"));
    assertEquals(2, run(config("pointcuts: []").toString(), "--classpath", dir.resolve("nothing").toString()));
    assertTrue(err().contains("no jar or directory in --classpath"), err());
  }

  @Test
  void helpExplainsTheOptions() {
    assertEquals(0, run("--help"));
    assertTrue(out().contains("usage: java -jar perf-agent.jar validate CONFIG [--classpath CP] [--all] [--strict]"));
    assertTrue(out().contains("--classpath CP"));
  }
}
