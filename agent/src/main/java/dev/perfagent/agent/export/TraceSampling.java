package dev.perfagent.agent.export;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The configured sampler's decision for a whole trace. Spans are built after the fact on the
 * exporter thread, children before their parents, so a decision may depend on the trace id only:
 * the sampler is asked as for the root span of that trace, and every span of the trace gets the
 * same answer. Samplers that look at anything else are refused at start.
 */
final class TraceSampling {
  static final String PROPERTY = "otel.traces.sampler";
  static final String FALLBACK = "parentbased_always_on";
  static final List<String> SUPPORTED =
      List.of(
          "always_on", "always_off", "traceidratio", "parentbased_always_on",
          "parentbased_always_off", "parentbased_traceidratio");

  private final Sampler sampler;
  /** Always on, alone or as the root of parent-based sampling: every trace, no id to look at. */
  private final boolean everyTrace;

  private TraceSampling(Sampler sampler) {
    this.sampler = sampler;
    this.everyTrace = sampler == Sampler.alwaysOn()
        || sampler.getDescription().equals(Sampler.parentBased(Sampler.alwaysOn()).getDescription());
  }

  /**
   * The override that replaces an unsupported {@code otel.traces.sampler} by {@link #FALLBACK}
   * before the SDK is built (the SDK itself would fail to start on a sampler it cannot load), with
   * one warning; empty when the configured sampler is supported.
   */
  static Map<String, String> refuseUnsupported(ConfigProperties properties, Consumer<String> problems) {
    String name = properties.getString(PROPERTY, FALLBACK);
    if (SUPPORTED.contains(name)) {
      return Collections.emptyMap();
    }
    problems.accept(refusal(name));
    return Collections.singletonMap(PROPERTY, FALLBACK);
  }

  /** Decides with {@code built}, the sampler the SDK was built with, when it is one of ours. */
  static TraceSampling of(Sampler built, Consumer<String> problems) {
    if (supported(built)) {
      return new TraceSampling(built);
    }
    problems.accept(refusal(built.getDescription()));
    return new TraceSampling(Sampler.parentBased(Sampler.alwaysOn()));
  }

  /** Whether the spans of the trace of {@code context} are exported. */
  boolean sampled(SpanContext context) {
    return everyTrace || sampled(context.getTraceId());
  }

  /** Whether the spans of the trace {@code traceId} are exported. */
  boolean sampled(String traceId) {
    return sampler
            .shouldSample(
                Context.root(), traceId, "", SpanKind.INTERNAL, Attributes.empty(),
                Collections.emptyList())
            .getDecision()
        == SamplingDecision.RECORD_AND_SAMPLE;
  }

  private static boolean supported(Sampler sampler) {
    // The SDK's sampler classes are not public; the factories give one instance of each.
    Class<?> type = sampler.getClass();
    return type == Sampler.alwaysOn().getClass()
        || type == Sampler.alwaysOff().getClass()
        || type == Sampler.traceIdRatioBased(0.5).getClass()
        || type == Sampler.parentBased(Sampler.alwaysOn()).getClass();
  }

  private static String refusal(String sampler) {
    return PROPERTY + "=" + sampler + " (OTEL_TRACES_SAMPLER) is not supported: spans are built after "
        + "the call, so the sampler may decide on the trace id only (" + String.join(", ", SUPPORTED)
        + "); using " + FALLBACK;
  }
}
