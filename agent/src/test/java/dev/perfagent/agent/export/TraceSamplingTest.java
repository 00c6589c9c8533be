package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TraceSamplingTest {
  private final List<String> problems = new ArrayList<>();

  @Test
  void aRatioOfHalfKeepsAboutHalfOfTheTracesAndTheSameAnswerForEachTrace() {
    TraceSampling sampling = TraceSampling.of(Sampler.traceIdRatioBased(0.5), problems::add);
    SplittableRandom random = new SplittableRandom(42);
    int kept = 0;
    for (int i = 0; i < 10_000; i++) {
      String traceId = TraceId.fromLongs(random.nextLong(), random.nextLong());
      boolean sampled = sampling.sampled(traceId);
      for (int again = 0; again < 3; again++) {
        assertEquals(sampled, sampling.sampled(traceId), "every span of a trace gets the same answer");
      }
      if (sampled) {
        kept++;
      }
    }
    // binomial(10,000, 0.5): the standard deviation is 50, so this is ten of them either way
    assertTrue(kept > 4_500 && kept < 5_500, kept + " of 10,000 kept");
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void alwaysOffKeepsNoneAndAlwaysOnAll() {
    TraceSampling off = TraceSampling.of(Sampler.alwaysOff(), problems::add);
    TraceSampling parentBasedOff = TraceSampling.of(Sampler.parentBased(Sampler.alwaysOff()), problems::add);
    TraceSampling on = TraceSampling.of(Sampler.alwaysOn(), problems::add);
    TraceSampling parentBasedOn = TraceSampling.of(Sampler.parentBased(Sampler.alwaysOn()), problems::add);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1_000; i++) {
      String traceId = TraceId.fromLongs(random.nextLong(), random.nextLong());
      assertEquals(false, off.sampled(traceId));
      assertEquals(false, parentBasedOff.sampled(traceId));
      assertEquals(true, on.sampled(traceId));
      assertEquals(true, parentBasedOn.sampled(traceId));
    }
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void parentBasedRatioDecidesAsItsRootForARootSpan() {
    TraceSampling ratio = TraceSampling.of(Sampler.traceIdRatioBased(0.25), problems::add);
    TraceSampling parentBased =
        TraceSampling.of(Sampler.parentBased(Sampler.traceIdRatioBased(0.25)), problems::add);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1_000; i++) {
      String traceId = TraceId.fromLongs(random.nextLong(), random.nextLong());
      assertEquals(ratio.sampled(traceId), parentBased.sampled(traceId));
    }
  }

  @Test
  void aSamplerThatIsNotOneOfTheSdksIsRefusedOnceAndEveryTraceIsKept() {
    Sampler custom =
        new Sampler() { // it could decide on the name or attributes, which a late span cannot honour
          @Override
          public SamplingResult shouldSample(
              Context parent, String traceId, String name, SpanKind kind, Attributes attributes,
              List<LinkData> links) {
            return SamplingResult.drop();
          }

          @Override
          public String getDescription() {
            return "MySampler";
          }
        };
    TraceSampling sampling = TraceSampling.of(custom, problems::add);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("otel.traces.sampler=MySampler (OTEL_TRACES_SAMPLER) is not supported"),
        problems.get(0));
    assertTrue(problems.get(0).endsWith("using parentbased_always_on"), problems.get(0));
    assertTrue(sampling.sampled(TraceId.fromLongs(1, 2)));
  }

  @Test
  void onlySamplersThatDecideOnTheTraceIdAreConfigurable() {
    for (String name : TraceSampling.SUPPORTED) {
      assertEquals(Map.of(), refuse(Map.of("otel.traces.sampler", name)), name);
    }
    assertEquals(Map.of(), refuse(Map.of()), "the default");
    assertTrue(problems.isEmpty(), problems.toString());

    for (String name : List.of("jaeger_remote", "parentbased_jaeger_remote", "xray", "my-spi-sampler")) {
      problems.clear();
      assertEquals(
          Map.of("otel.traces.sampler", "parentbased_always_on"), refuse(Map.of("otel.traces.sampler", name)));
      assertEquals(1, problems.size(), problems.toString());
      assertTrue(problems.get(0).contains("otel.traces.sampler=" + name), problems.get(0));
    }
  }

  private Map<String, String> refuse(Map<String, String> properties) {
    return TraceSampling.refuseUnsupported(DefaultConfigProperties.createFromMap(properties), problems::add);
  }

  @Test
  void theDecisionForAContextIsTheDecisionForItsTraceId() {
    SplittableRandom random = new SplittableRandom(11);
    for (Sampler sampler : List.of(Sampler.alwaysOn(), Sampler.alwaysOff(), Sampler.traceIdRatioBased(0.5),
        Sampler.parentBased(Sampler.alwaysOn()), Sampler.parentBased(Sampler.alwaysOff()),
        Sampler.parentBased(Sampler.traceIdRatioBased(0.3)))) {
      TraceSampling sampling = TraceSampling.of(sampler, problems::add);
      for (int i = 0; i < 1_000; i++) {
        LongIdSpanContext context = new LongIdSpanContext(random.nextLong(), random.nextLong() | 1, 1);
        assertEquals(sampling.sampled(TraceId.fromLongs(context.traceIdHigh(), context.traceIdLow())),
            sampling.sampled(context), sampler.getDescription());
      }
    }
    assertTrue(problems.isEmpty(), problems.toString());
  }
}
