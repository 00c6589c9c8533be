package dev.perfagent.config;

import static dev.perfagent.config.Yaml.pointcut;
import static dev.perfagent.config.Yaml.pointcutProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code flow-down}: captures whose value, read at the start of a call, every span beneath it carries. */
class FlowDownTest {
  @Test
  void marksArgumentAndThisCapturesInFileOrder() {
    Pointcut p = pointcut("capture:", "  tenant.id: arg0.account.tenant", "  app.region: this.region",
        "  app.outcome: return.outcome", "flow-down: [app.region, tenant.id]");
    assertEquals(List.of("app.region", "tenant.id"), p.flowDown());
  }

  @Test
  void blockListWorksAndNoneIsEmpty() {
    assertEquals(List.of("tenant.id"), pointcut("capture: {tenant.id: arg1}", "flow-down:", "  - tenant.id").flowDown());
    assertEquals(List.of(), pointcut("capture: {tenant.id: arg1}").flowDown());
  }

  @Test
  void aValueKnownOnlyAtTheEndIsRefused() {
    assertEquals(List.of("t.yaml:6:17: flow-down: 'out' captures 'return.outcome'; only a single this or argN"
            + " path can flow down (its value is read when the call starts)",
        "t.yaml:6:22: flow-down: 'sum' captures 'arg0.a + arg0.b'; only a single this or argN path can flow down"
            + " (its value is read when the call starts)"),
        pointcutProblems("capture: {out: return.outcome, sum: arg0.a + arg0.b}", "flow-down: [out, sum]"));
    assertEquals(List.of("t.yaml:7:17: flow-down: 'c' captures 'chunk.text'; only a single this or argN path"
            + " can flow down (its value is read when the call starts)"),
        pointcutProblems("end: close", "capture: {c: chunk.text}", "flow-down: [c]"));
  }

  @Test
  void keysMustBeCapturesOfThePointcut() {
    assertEquals(List.of("t.yaml:6:17: flow-down: 'tenant.di' names no capture of this pointcut; did you mean"
            + " 'tenant.id'?",
        "t.yaml:6:28: flow-down: 'zzz' names no capture of this pointcut"),
        pointcutProblems("capture: {tenant.id: arg0}", "flow-down: [tenant.di, zzz]"));
    assertEquals(List.of("t.yaml:5:17: flow-down: 'tenant.id' names no capture of this pointcut"),
        pointcutProblems("flow-down: [tenant.id]"));
    assertEquals(List.of("t.yaml:6:28: flow-down: 'tenant.id' is listed twice"),
        pointcutProblems("capture: {tenant.id: arg0}", "flow-down: [tenant.id, tenant.id]"));
  }

  @Test
  void aBadCaptureIsNotBlamedTwice() {
    assertEquals(List.of("t.yaml:5:26: capture 'tenant.id': invalid path 'arg0..x': empty step ('..') at position 6"),
        pointcutProblems("capture: {tenant.id: arg0..x}", "flow-down: [tenant.id]"));
  }

  @Test
  void wrongTypesAreRefused() {
    assertEquals(List.of("t.yaml:6:16: flow-down: expected a list of strings, got 'tenant.id' (write [tenant.id])"),
        pointcutProblems("capture: {tenant.id: arg0}", "flow-down: tenant.id"));
    assertEquals(List.of("t.yaml:6:17: flow-down: expected a list of strings, got a mapping as an element"),
        pointcutProblems("capture: {tenant.id: arg0}", "flow-down: [{a: b}]"));
  }

  @Test
  void atMostFourPerPointcut() {
    assertEquals(List.of("t.yaml:6:16: flow-down: 5 attributes; at most 4 can flow down from one pointcut"),
        pointcutProblems("capture: {a: arg0, b: arg0, c: arg0, d: arg0, e: arg0}", "flow-down: [a, b, c, d, e]"));
  }

  @Test
  void notWithAggregateMode() {
    assertEquals(List.of(
            "t.yaml:5:5: 'capture' cannot be used with mode: aggregate (aggregate mode records no span)",
            "t.yaml:6:5: 'flow-down' cannot be used with mode: aggregate (aggregate mode records no span)"),
        pointcutProblems("capture: {a: arg0}", "flow-down: [a]", "mode: aggregate"));
  }
}
