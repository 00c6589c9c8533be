package dev.perfagent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool-miss and serial-call findings on hand-made traces. */
class FindingsTest {
  private static final String CHAT = "chat";
  private static final String TOOL = "execute_tool";

  @TempDir Path dir;

  /** {@code traces} traces, each a root "conversation" of 1 s whose children {@code body} writes. */
  private List<String> findings(int traces, BiConsumer<Integer, Trace> body) throws Exception {
    SpanLines lines = new SpanLines("run");
    List<String> file = new ArrayList<>();
    for (int i = 0; i < traces; i++) {
      Trace t = new Trace(lines, String.format("%032x", i + 1));
      body.accept(i, t);
      lines.span(t.id, t.root, "", "conversation", 0, 1000, false);
      file.add(lines.line());
    }
    Path f = FixedDataSet.write(dir.resolve("t.jsonl"), file);
    Analysis a = Analysis.read(List.of(f.toString()), false, 0, null);
    assertTrue(a.problems.isEmpty(), a.problems.messages().toString());
    return a.reports.get("run").findings().stream().map(Finding::message).collect(Collectors.toList());
  }

  /** One trace's spans: ids made up in order. */
  private static final class Trace {
    final SpanLines lines;
    final String id;
    final String root;
    private int next = 1;

    Trace(SpanLines lines, String id) {
      this.lines = lines;
      this.id = id;
      this.root = String.format("%016x", 1);
    }

    String span(String parent, String name, double start, double end, Object... attributes) {
      return span(parent, name, start, end, false, attributes);
    }

    String failed(String parent, String name, double start, double end, Object... attributes) {
      return span(parent, name, start, end, true, attributes);
    }

    private String span(String parent, String name, double start, double end, boolean error, Object[] attributes) {
      String spanId = String.format("%016x", ++next);
      lines.span(id, spanId, parent, name, start, end, error, attributes);
      return spanId;
    }
  }

  private static Object[] llm(String model) {
    return new Object[] {"gen_ai.operation.name", CHAT, "gen_ai.request.model", model};
  }

  private static Object[] tool(String name) {
    return new Object[] {"gen_ai.operation.name", TOOL, "gen_ai.tool.name", name};
  }

  @Test
  void aLookupWhoseMissesCreateWhatItLooksForIsAPoolMiss() throws Exception {
    // 6 lookups: the first creates the client (100 ms in a 102 ms lookup), the other 5 take 2 ms
    List<String> f = findings(6, (i, t) -> {
      String get = t.span(t.root, "ClientManager.getClient m", 10, i == 0 ? 112 : 12);
      if (i == 0) {
        t.span(get, "ClientManager.createClient m", 11, 111);
      }
    });
    assertTrue(f.contains("pool misses: 'ClientManager.getClient m' missed 1 of 6 lookups (it created"
        + " 'ClientManager.createClient m'); a miss took 102.0 ms on average, a hit 2.00 ms: the misses cost 100.0 ms"
        + " more than as many hits"), f.toString());
    assertTrue(f.stream().noneMatch(m -> m.startsWith("cold start: the first 'ClientManager.getClient m'")),
        "the miss explains the cold start: " + f);
  }

  @Test
  void aHitAttributeSaysWhichLookupsMissed() throws Exception {
    // 4 lookups flagged cache.hit=false take 30 ms, 4 flagged true take 1 ms
    List<String> f = findings(8, (i, t) -> t.span(t.root, "cache lookup", 0, i % 2 == 0 ? 30 : 1, "cache.hit", i % 2 == 1));
    assertTrue(f.contains("pool misses: 'cache lookup' missed 4 of 8 lookups; a miss took 30.0 ms on average,"
        + " a hit 1.00 ms: the misses cost 116.0 ms more than as many hits"), f.toString());
  }

  @Test
  void noPoolMissWithoutHitsOrWithoutACreatingChildOfTheSameComponent() throws Exception {
    List<String> f = findings(4, (i, t) -> {
      // always creates: no hit to compare with
      String open = t.span(t.root, "Pool.borrow a", 0, 50);
      t.span(open, "Pool.createConnection a", 1, 49);
      // a slow child of another component is not what the lookup created
      String get = t.span(t.root, "Cache.get b", 100, i == 0 ? 200 : 101);
      if (i == 0) {
        t.span(get, "Loader.createEntry b", 101, 199);
      }
      // a child of the same component that makes nothing
      String fork = t.span(t.root, "Sessions.fork c", 300, i == 0 ? 400 : 301);
      if (i == 0) {
        t.span(fork, "Sessions.validate c", 301, 399);
      }
    });
    assertTrue(f.stream().noneMatch(m -> m.startsWith("pool misses")), f.toString());
  }

  @Test
  void siblingToolCallsOneAfterAnotherCouldOverlap() throws Exception {
    // under each iteration: tool a 0..30 ms, then tool b 30..70 ms; 3 conversations
    List<String> f = findings(3, (i, t) -> {
      String it = t.span(t.root, "iteration", 0, 80);
      t.span(it, "execute_tool a", 0, 30, tool("a"));
      t.span(it, "INSERT logs", 30, 30.5);
      t.span(it, "execute_tool b", 30, 70, tool("b"));
    });
    assertTrue(f.contains("serial calls that could overlap: under 'iteration', 'execute_tool a' then 'execute_tool b'"
        + " ran one after another (3 times, 210.0 ms in all); the spans show no call between them that used an"
        + " earlier one's result, so if they are independent, running them together could save up to 90.0 ms"),
        f.toString());
  }

  @Test
  void modelCallsInARowCouldOverlapToo() throws Exception {
    List<String> f = findings(1, (i, t) -> {
      t.span(t.root, "chat m1", 0, 100, llm("m1"));
      t.span(t.root, "chat m2", 100, 150, llm("m2"));
      t.span(t.root, "chat m3", 160, 200, llm("m3"));
    });
    assertTrue(f.contains("serial calls that could overlap: under 'conversation', 'chat m1', 'chat m2' then 'chat m3'"
        + " ran one after another (1 time, 190.0 ms in all); the spans show no call between them that used an"
        + " earlier one's result, so if they are independent, running them together could save up to 90.0 ms"),
        f.toString());
  }

  @Test
  void noSerialFindingForCallsThatDependOverlapOrRetry() throws Exception {
    List<String> f = findings(3, (i, t) -> {
      // the model call between the tools may have used the first tool's result
      String a = t.span(t.root, "iteration 1", 0, 200);
      t.span(a, "execute_tool a", 0, 50, tool("a"));
      t.span(a, "chat m", 50, 100, llm("m"));
      t.span(a, "execute_tool b", 100, 150, tool("b"));
      // already concurrent
      String b = t.span(t.root, "iteration 2", 200, 300);
      t.span(b, "execute_tool a", 200, 280, tool("a"));
      t.span(b, "execute_tool b", 210, 290, tool("b"));
      // a retry after a 429 is serial on purpose
      String c = t.span(t.root, "iteration 3", 300, 500);
      t.failed(c, "chat m", 300, 340, "gen_ai.operation.name", CHAT, "gen_ai.request.model", "m",
          "error.type", "RateLimitException");
      t.span(c, "chat m", 360, 480, llm("m"));
    });
    assertTrue(f.stream().noneMatch(m -> m.startsWith("serial calls")), f.toString());
  }

  @Test
  void theSequencesKeptAreBounded() throws Exception {
    RunReport r = new RunReport(null, 0);
    for (int i = 0; i < RunReport.MAX_SERIAL_RUNS + 10; i++) {
      r.serialRun("p" + i, List.of("a", "b"));
    }
    assertEquals(RunReport.MAX_SERIAL_RUNS, r.serialRuns().size());
  }
}
