package dev.perfagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/prometheus/perf-agent-alerts.yml as Prometheus's own {@code promtool} sees it: valid rules,
 * and unit tests (perf-agent-alerts.test.yml) in which every alert fires on the synthetic series
 * that should page and stays quiet on the others.
 */
class AlertRulesIT {
  private static final String RULES = "perf-agent-alerts.yml";
  private static final String TESTS = "perf-agent-alerts.test.yml";

  private final Path prometheus = PrometheusTools.deploy().resolve("prometheus");

  @Test
  void promtoolAcceptsTheRules() throws Exception {
    PrometheusTools.Result check = promtool(prometheus, "check", "rules", RULES);
    assertEquals(0, check.exitCode, check.toString());
    assertTrue(check.output.contains("SUCCESS"), check.toString());
  }

  @Test
  void everyAlertFiresAndStaysQuietInItsUnitTests() throws Exception {
    PrometheusTools.Result test = promtool(prometheus, "test", "rules", TESTS);
    assertEquals(0, test.exitCode, test.toString());
    String tests = Files.readString(prometheus.resolve(TESTS), StandardCharsets.UTF_8);
    for (String alert : RuleFiles.alerts(prometheus.resolve(RULES)).keySet()) {
      assertTrue(tests.contains("alertname: " + alert + "\n"), alert + " has no unit test");
      assertTrue(tests.contains("alertname: " + alert + "\n    exp_alerts: []")
              || tests.contains("alertname: " + alert + "\n      exp_alerts: []"),
          alert + " has no case where it stays quiet");
    }
  }

  @Test
  void aRuleThatNoLongerFiresFailsItsUnitTest(@TempDir Path dir) throws Exception {
    Files.copy(prometheus.resolve(TESTS), dir.resolve(TESTS));
    String rules = Files.readString(prometheus.resolve(RULES), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(RULES), rules.replace("vector(50)", "vector(500)"), StandardCharsets.UTF_8);
    PrometheusTools.Result test = promtool(dir, "test", "rules", TESTS);
    assertNotEquals(0, test.exitCode, test.toString());
    assertTrue(test.output.contains("PerfAgentDailyCostOverBudget"), test.toString());
  }

  @Test
  void everyRuleHasASummaryAndARunbook() throws Exception {
    RuleFiles.alerts(prometheus.resolve(RULES)).forEach((alert, annotations) -> {
      assertTrue(annotations.containsKey("summary") && annotations.containsKey("runbook"), alert + ": " + annotations);
    });
  }

  private static PrometheusTools.Result promtool(Path dir, String... args) throws Exception {
    return PrometheusTools.run(dir, PrometheusTools.command(PrometheusTools.binary("promtool"), args));
  }
}
