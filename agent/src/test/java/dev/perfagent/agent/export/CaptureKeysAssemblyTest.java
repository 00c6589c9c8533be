package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.perfagent.agent.plan.PointcutCatalog;
import dev.perfagent.agent.plan.SiteRegistry;
import dev.perfagent.bootstrap.PointcutPlan;
import dev.perfagent.bootstrap.Recorder;
import dev.perfagent.bootstrap.RecorderState;
import dev.perfagent.bootstrap.SpanRing;
import dev.perfagent.config.AgentConfig;
import dev.perfagent.config.ConfigLoader;
import io.opentelemetry.api.common.AttributeKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The attribute keys the assembler keeps per capture: a value of another type gets a key of its type,
 * and neither another pointcut nor the pointcuts of a changed configuration see a key of the old one.
 */
class CaptureKeysAssemblyTest {
  private static final String BEFORE = String.join("\n",
      "pointcuts:",
      "  - name: lookup",
      "    class: com.acme.Store",
      "    method: lookup",
      "    capture: {key: arg0}",
      "  - name: other",
      "    class: com.acme.Store",
      "    method: other",
      "    capture: {key: arg0}",
      "");
  private static final String AFTER = BEFORE.replace("{key: arg0}", "{renamed: arg0}");

  @Test
  void eachValueIsExportedWithTheKeyOfItsTypeItsPointcutAndTheConfigurationInForce() throws Exception {
    AgentConfig config = ConfigLoader.parse(BEFORE, "test.yaml");
    PointcutCatalog catalog = PointcutCatalog.compile(config, p -> { throw new AssertionError(p); });
    AgentConfig changed = ConfigLoader.parse(AFTER, "test.yaml");
    PointcutCatalog recompiled = PointcutCatalog.compile(changed, p -> { throw new AssertionError(p); });
    SiteRegistry sites = new SiteRegistry(new RecorderState(new SpanRing(64, catalog.maxValues()), 4096, 128));
    int lookup = site(sites, catalog, 0, "lookup");
    int other = site(sites, catalog, 1, "other");

    Recorder.exit(Recorder.enter(lookup), null, 42L, null, null, null, null);
    Recorder.exit(Recorder.enter(lookup), null, "k-1", null, null, null, null);
    Recorder.exit(Recorder.enter(other), null, true, null, null, null, null);
    Recorder.exit(Recorder.enter(lookup), null, 7, null, null, null, null);
    Recorder.exit(Recorder.enter(lookup), null, null, null, null, null, null);
    int relookup = site(sites, recompiled, 0, "lookup"); // the configuration changed: a new site
    Recorder.exit(Recorder.enter(relookup), null, 43L, null, null, null, null);
    Recorder.exit(Recorder.enter(lookup), null, 8L, null, null, null, null);

    SpanAssembler assembler = TestAssemblers.of(sites, catalog, config, (SpanMetrics) null);
    List<String> values = new ArrayList<>();
    sites.ring().drain(r -> values.add(described(assembler.assemble(r))), 100);
    assertEquals(List.of("key=LONG:42", "key=STRING:k-1", "key=BOOLEAN:true", "key=LONG:7", "", "renamed=LONG:43",
        "key=LONG:8"), values);
  }

  private static int site(SiteRegistry sites, PointcutCatalog catalog, int pointcut, String method) {
    return sites.register(catalog.get(pointcut), "com.acme.Store", method, "(Ljava/lang/Object;)V",
        PointcutPlan.END_AT_EXIT);
  }

  /** The span's attributes named {@code key} or {@code renamed}, as name=TYPE:value. */
  private static String described(RecordedSpan span) {
    StringBuilder out = new StringBuilder();
    span.getAttributes().forEach((AttributeKey<?> k, Object v) -> {
      if (k.getKey().equals("key") || k.getKey().equals("renamed")) {
        out.append(k.getKey()).append('=').append(k.getType()).append(':').append(v);
      }
    });
    return out.toString();
  }
}
