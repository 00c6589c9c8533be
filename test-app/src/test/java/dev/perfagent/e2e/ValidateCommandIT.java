package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar perf-agent.jar validate CONFIG --classpath CP} on the test-app: its own config
 * against its class path (the shaded test-app.jar, which carries the SDKs, H2 and HikariCP, given as
 * {@code lib/*}, and the test classes with {@code com.acme.validateprobe.InitializerProbe}).
 */
class ValidateCommandIT {
  private static final String PROBE = "com.acme.validateprobe.InitializerProbe";
  private static final String TRACE = "initializer-ran";

  @TempDir Path work;
  private String classPath;

  @BeforeEach
  void appClassPath() throws IOException, URISyntaxException {
    Path lib = Files.createDirectories(work.resolve("lib"));
    Files.createSymbolicLink(lib.resolve("test-app.jar"), AppRun.appJar().toAbsolutePath());
    Path probe = Paths.get(getClass().getResource("/" + PROBE.replace('.', '/') + ".class").toURI());
    Path testClasses = probe.getParent().getParent().getParent().getParent();
    classPath = "lib/*" + File.pathSeparator + testClasses;
  }

  @Test
  void listsWhatTheTestAppsPointcutsAndPresetsInstrumentWithoutRunningAnyApplicationCode() throws Exception {
    AppRun run = AppRun.agentCommand(work, "validate", AppRun.appConfig().toString(), "--classpath", classPath);
    String o = run.stdout;
    assertEquals(0, run.exitCode, o + run.stderr);
    assertTrue(o.contains("  agent.invoke: 1 class, 1 method\n"
        + "    com.acme.returns.agent.ReturnsAgent.handle(com.acme.returns.agent.Conversation)\n"), o);
    assertTrue(o.contains("  tool.execute: 6 classes, 6 methods\n"), o);
    for (String tool : List.of("CheckEligibilityTool", "CreateRmaTool", "EscalateToHumanTool",
        "GenerateReturnLabelTool", "GetOrderDetailsTool", "SendEmailTool")) {
      assertTrue(o.contains("    com.acme.returns.tools." + tool + ".run(com.acme.returns.tools.ToolCall)\n"), tool + "\n" + o);
    }
    assertTrue(o.contains("  eligibility.checks: 1 class, 5 methods\n"), o);
    for (String check : List.of("checkDamageKeywords(java.lang.String)",
        "checkFraudFlags(com.acme.returns.tools.OrderRecord)",
        "checkReturnFrequency(com.acme.returns.tools.OrderRecord)",
        "checkReturnability(com.acme.returns.tools.OrderRecord, boolean)",
        "checkWindow(com.acme.returns.tools.OrderRecord, com.acme.returns.rag.PolicySnippet, boolean)")) {
      assertTrue(o.contains("    com.acme.returns.tools.CheckEligibilityTool." + check + "\n"), check + "\n" + o);
    }
    assertTrue(o.contains("  openai.chat: 1 class, 1 method\n    com.openai.services.blocking.chat.ChatCompletionServiceImpl"
        + ".create(com.openai.models.chat.completions.ChatCompletionCreateParams, com.openai.core.RequestOptions)\n"), o);
    assertTrue(o.contains("    com.zaxxer.hikari.HikariDataSource.getConnection()\n"), o);
    assertTrue(o.contains("  spring-ai: not on the class path\n"), o);
    assertTrue(o.contains("  openai: 20 of 20 pointcuts match\n"), o);
    assertTrue(o.contains(AppRun.appConfig() + " is valid (0 errors, 0 warnings)"), o);
    assertNoInitializerRan(run);
  }

  @Test
  void warnsOfPointcutsThatMatchNothingAndPathsThatNeverResolve() throws Exception {
    Path config = Files.write(work.resolve("perf-agent.yaml"), List.of(
        "presets: none",
        "pointcuts:",
        "  - name: probe",
        "    class: " + PROBE,
        "    method: answer",
        "  - name: typo",
        "    class: com.acme.returns.agent.ReturnsAgent",
        "    method: handel",
        "  - name: outcome",
        "    class: com.acme.returns.agent.ReturnsAgent",
        "    method: handle",
        "    capture:",
        "      returns.outcome: return.outcom"));
    AppRun run = AppRun.agentCommand(work, "validate", config.toString(), "--classpath", classPath, "--strict");
    String o = run.stdout;
    assertEquals(1, run.exitCode, "--strict fails on warnings\n" + o + run.stderr);
    assertTrue(o.contains("  probe: 1 class, 1 method\n    " + PROBE + ".answer(java.lang.String)\n"), o);
    assertTrue(o.contains("warning: pointcut 'typo' (" + config + ":6) matches nothing on the class path:"
        + " class com.acme.returns.agent.ReturnsAgent, method handel(..); com.acme.returns.agent.ReturnsAgent has"
        + " no such method; the nearest: handle(com.acme.returns.agent.Conversation)"), o);
    assertTrue(o.contains("warning: pointcut 'outcome', path return.outcom can never have a value on"
        + " com.acme.returns.agent.ReturnsAgent.handle(), as com.acme.returns.agent.AgentReply has no getter or"
        + " field 'outcom'; the nearest it has: outcome"), o);
    assertTrue(o.contains("is valid, but --strict fails on its 0 errors, 2 warnings"), o);
    assertNoInitializerRan(run);
  }

  @Test
  void aBrokenConfigIsReportedWithFileLineAndColumn() throws Exception {
    Path config = Files.write(work.resolve("broken.yaml"), List.of(
        "pointcuts:",
        "  - name: agent",
        "    class: com.acme.returns.agent.ReturnsAgent",
        "    method: handle",
        "    kind: clinet"));
    AppRun run = AppRun.agentCommand(work, "validate", config.toString(), "--classpath", classPath);
    assertEquals(1, run.exitCode, run.stdout + run.stderr);
    assertTrue(run.stdout.contains(config + ":5:11: kind: invalid value 'clinet'"), run.stdout);
    AppRun missing = AppRun.agentCommand(work, "validate", "absent.yaml");
    assertEquals(2, missing.exitCode);
    assertTrue(missing.stderr.contains("perf-agent validate: no file absent.yaml"), missing.stderr);
  }

  /** The probe was on the class path and matched, and its initializer did not run; loaded, it does. */
  private void assertNoInitializerRan(AppRun run) throws Exception {
    assertFalse(Files.exists(work.resolve(TRACE)), "validate ran a static initializer");
    assertFalse(run.stdout.contains("static initializer ran"), run.stdout);
    AppRun loaded = AppRun.runMainWithClassPath(AppRun.defaultJava(), work, null, classPath, PROBE);
    assertEquals(0, loaded.exitCode, loaded.stderr);
    assertTrue(Files.exists(work.resolve(TRACE)), "the probe's trace works");
  }
}
