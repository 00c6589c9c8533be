package dev.perfagent.report;

/** The LLM calls of one provider and model: calls, errors, tokens, cost, latency, time to first chunk. */
public final class ModelUsage {
  static final String COST = "perf_agent.cost.usd";
  static final String TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";

  private final String provider;
  private final String model;
  private final Timing timing;
  private final Distribution firstChunkMicros;
  private final TokenCounts tokens = new TokenCounts();
  private double costUsd;
  private long answeredMicros;

  ModelUsage(String provider, String model) {
    this.provider = provider;
    this.model = model;
    this.timing = new Timing(model.hashCode());
    this.firstChunkMicros = new Distribution(model.hashCode() * 7L);
  }

  private static final java.util.Set<String> LLM_OPERATIONS =
      java.util.Set.of("chat", "text_completion", "generate_content", "embeddings");

  /**
   * An LLM call: a span with a model and an LLM operation name, or, without an operation name,
   * with token usage (a span of the application's own code that merely names a model is not one).
   */
  static boolean isLlmCall(Span span) {
    String op = span.string("gen_ai.operation.name");
    boolean model = span.has("gen_ai.request.model") || span.has("gen_ai.response.model");
    return model && (op == null ? span.has("gen_ai.usage.input_tokens") : LLM_OPERATIONS.contains(op));
  }

  static String model(Span span) {
    String m = span.string("gen_ai.request.model");
    return m != null ? m : span.string("gen_ai.response.model");
  }

  static String provider(Span span) {
    String p = span.string("gen_ai.provider.name");
    return p != null ? p : span.string("gen_ai.system") != null ? span.string("gen_ai.system") : "";
  }

  void add(Span span) {
    long micros = span.durationNanos() / 1000;
    timing.add(micros, 0, span.error);
    tokens.add(span);
    costUsd += span.decimal(COST);
    if (span.has(TIME_TO_FIRST_CHUNK)) {
      firstChunkMicros.add(Math.round(span.decimal(TIME_TO_FIRST_CHUNK) * 1e6));
    }
    if (!span.error) {
      answeredMicros += micros;
    }
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  public Timing timing() {
    return timing;
  }

  public TokenCounts tokens() {
    return tokens;
  }

  public double costUsd() {
    return costUsd;
  }

  /** Time to the first chunk of streamed calls, microseconds. */
  public Distribution firstChunkMicros() {
    return firstChunkMicros;
  }

  /** Output tokens per second of the calls that answered. */
  public double outputTokensPerSecond() {
    return answeredMicros == 0 ? 0 : tokens.output() / (answeredMicros / 1e6);
  }
}
