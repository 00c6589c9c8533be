package dev.perfagent.config;

/** OpenTelemetry span kind of the spans a pointcut records ({@code kind:} key, case-insensitive). */
public enum SpanKind {
  INTERNAL,
  CLIENT,
  SERVER,
  PRODUCER,
  CONSUMER
}
