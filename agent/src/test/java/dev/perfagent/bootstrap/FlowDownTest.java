package dev.perfagent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.perfagent.config.Pointcut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code flow-down}: values read at the start of a marking call reach every span beneath it. */
@Timeout(60)
class FlowDownTest {
  private static final int MARKING = 0;
  private static final int PLAIN = 1;
  private static final int ASYNC = 2;
  private static final ValueReader ARG = new ValueReader(ValueReader.ARG_A, new String[0]);
  private static final ValueReader ARG_B = new ValueReader(ValueReader.ARG_B, new String[0]);

  private SpanRing ring;

  /** Site 0 marks arg a as tenant.id and arg b as region; site 1 marks nothing; site 2 ends on completion. */
  private void install() {
    ring = new SpanRing(64, 2);
    Recorder.install(new RecorderState(ring, 4096, 128).withPlans(new PointcutPlan[] {
      new PointcutPlan(new ValueReader[] {ARG, ARG_B}, 0, PointcutPlan.END_AT_EXIT, -1,
          new String[] {"tenant.id", "region"}, new int[] {0, 1}),
      new PointcutPlan(new ValueReader[0], 0),
      new PointcutPlan(new ValueReader[0], 0, PointcutPlan.END_ON_COMPLETION, -1)
    }));
  }

  @AfterEach
  void uninstall() {
    Recorder.install(RecorderState.EMPTY);
  }

  /** Drained records: span id to what flowed to it (as a map), in the order they ended. */
  private List<Map<String, Object>> drain(List<FlowingValues> instances) {
    List<Map<String, Object>> out = new ArrayList<>();
    ring.drain(r -> {
      instances.add(r.flowing());
      out.add(asMap(r.flowing()));
    }, 1000);
    return out;
  }

  private static Map<String, Object> asMap(FlowingValues flowing) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; flowing != null && i < flowing.size(); i++) {
      map.put(flowing.key(i), flowing.value(i));
    }
    return map;
  }

  private static void call(int site) {
    Recorder.exit(Recorder.enter(site), null, null, null, null, null, null);
  }

  @Test
  void childrenShareTheMarkingCallsValuesAndASpanOutsideHasNone() {
    install();
    Frame marking = Recorder.enterFlowing(MARKING, null, "acme", null, null);
    Frame child = Recorder.enter(PLAIN);
    call(PLAIN);
    Recorder.exit(child, null, null, null, null, null, null);
    Recorder.exit(marking, null, "changed-at-exit", null, null, null, null);
    call(PLAIN); // the reused frame forgets what flowed into the call before
    List<FlowingValues> instances = new ArrayList<>();
    List<Map<String, Object>> flowed = drain(instances);
    assertEquals(List.of(Map.of("tenant.id", "acme"), Map.of("tenant.id", "acme"), Map.of("tenant.id", "acme"),
        Map.of()), flowed, "grandchild, child, the marking call itself (read at entry), a later root");
    assertSame(instances.get(2), instances.get(0), "no copy for a span beneath");
    assertSame(instances.get(2), instances.get(1));
  }

  @Test
  void anInnerMarkingCallOverridesItsKeysAndKeepsTheOthers() {
    install();
    Frame outer = Recorder.enterFlowing(MARKING, null, "acme", "eu", null);
    Frame inner = Recorder.enterFlowing(MARKING, null, "globex", null, null); // no region: the outer one stays
    call(PLAIN);
    Recorder.exit(inner, null, null, null, null, null, null);
    call(PLAIN);
    Recorder.exit(outer, null, null, null, null, null, null);
    List<Map<String, Object>> flowed = drain(new ArrayList<>());
    assertEquals(Map.of("tenant.id", "globex", "region", "eu"), flowed.get(0));
    assertEquals(Map.of("tenant.id", "globex", "region", "eu"), flowed.get(1));
    assertEquals(Map.of("tenant.id", "acme", "region", "eu"), flowed.get(2), "after the inner call, the outer values");
  }

  @Test
  void valuesCrossToSubmittedWorkAndToSpansThatEndOnAnotherThread() throws Exception {
    install();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CompletableFuture<String> answer = new CompletableFuture<>();
    try {
      Frame marking = Recorder.enterFlowing(MARKING, null, "acme", null, null);
      pool.submit(Propagation.wrap(() -> call(PLAIN))).get();
      Recorder.exit(Recorder.enter(ASYNC), null, null, null, null, answer, null);
      Recorder.exit(marking, null, null, null, null, null, null);
      pool.submit(() -> answer.complete("done")).get(); // the async span ends on the pool's thread
    } finally {
      pool.shutdown();
    }
    List<Map<String, Object>> flowed = drain(new ArrayList<>());
    assertEquals(List.of(Map.of("tenant.id", "acme"), Map.of("tenant.id", "acme"), Map.of("tenant.id", "acme")),
        flowed, "the pool's span, the marking call, the async span");
  }

  @Test
  void valuesAreFrozenShortAndAnUnreadableOneFlowsNot() {
    install();
    String longId = "t".repeat(FlowingValues.MAX_LENGTH + 10);
    Object hostile = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("hostile");
      }
    };
    long truncatedBefore = Recorder.state().stats().truncatedValues.sum();
    Frame a = Recorder.enterFlowing(MARKING, null, longId, Thread.State.RUNNABLE, null);
    call(PLAIN);
    Recorder.exit(a, null, null, null, null, null, null);
    Frame b = Recorder.enterFlowing(MARKING, null, 42L, hostile, null);
    Recorder.exit(b, null, null, null, null, null, null);
    List<Map<String, Object>> flowed = drain(new ArrayList<>());
    assertEquals(Map.of("tenant.id", "t".repeat(FlowingValues.MAX_LENGTH), "region", "RUNNABLE"), flowed.get(0));
    assertEquals(Map.of("tenant.id", 42L), flowed.get(2), "a number stays a number; toString() threw: no region");
    assertEquals(truncatedBefore + 1, Recorder.state().stats().truncatedValues.sum());
  }

  @Test
  void aMarkingCallWithNothingToHandDownPassesOnWhatItInherited() {
    install();
    Frame marking = Recorder.enterFlowing(MARKING, null, null, null, null);
    call(PLAIN);
    Recorder.exit(marking, null, null, null, null, null, null);
    assertEquals(List.of(Map.of(), Map.of()), drain(new ArrayList<>()));
  }

  @Test
  void mergedValuesAreCappedInnermostFirst() {
    FlowingValues outer = FlowingValues.over(null, new String[] {"a", "b", "c", "d"}, new Object[] {1L, 2L, 3L, 4L});
    FlowingValues inner = FlowingValues.over(outer, new String[] {"e", "b"}, new Object[] {5L, 20L});
    assertEquals(Map.of("e", 5L, "b", 20L, "a", 1L, "c", 3L), asMap(inner));
    assertEquals(List.of("e", "b", "a", "c"), new ArrayList<>(asMap(inner).keySet()));
    assertSame(outer, FlowingValues.over(outer, new String[] {"a"}, new Object[] {null}));
    assertNull(FlowingValues.over(null, new String[] {"a"}, new Object[] {null}));
  }

  @Test
  void theRecorderCarriesAsManyAsTheConfigurationAllows() {
    assertEquals(Pointcut.MAX_FLOW_DOWN, FlowingValues.MAX);
  }
}
