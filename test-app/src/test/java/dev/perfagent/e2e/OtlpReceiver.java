package dev.perfagent.e2e;

import java.util.List;

/** A local OTLP endpoint the agent exports to during a test. */
interface OtlpReceiver extends AutoCloseable {
  /** The value for OTEL_EXPORTER_OTLP_ENDPOINT. */
  String endpoint();

  /** The value for OTEL_EXPORTER_OTLP_PROTOCOL. */
  String protocol();

  /** Every span received so far. */
  List<ReceivedSpan> spans();

  /** Number of metric export requests received so far. */
  int metricRequests();

  @Override
  void close();
}
