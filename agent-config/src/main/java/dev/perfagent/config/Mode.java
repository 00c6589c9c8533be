package dev.perfagent.config;

/** What a pointcut records ({@code mode:} key). */
public enum Mode {
  /** One span per matching call (the default). */
  SPAN,
  /** No span; call count and durations are aggregated into metrics. */
  AGGREGATE
}
