package dev.perfagent.agent.export;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Instant;
import java.util.UUID;

/**
 * Tells one run (one JVM start) from another in the exported data: {@code service.instance.id}, a
 * random UUID per start, and {@code process.creation.time}, when the process started (ISO 8601), so
 * that several runs appended to one file can be reported apart. A value the user set through the
 * standard settings ({@code OTEL_RESOURCE_ATTRIBUTES}, {@code otel.resource.attributes}, a resource
 * provider) is kept.
 */
final class RunIdentity {
  static final AttributeKey<String> INSTANCE_ID = AttributeKey.stringKey("service.instance.id");
  static final AttributeKey<String> CREATION_TIME = AttributeKey.stringKey("process.creation.time");

  private RunIdentity() {}

  static Resource addTo(Resource configured) {
    return addTo(configured, UUID.randomUUID().toString(), processStart());
  }

  static Resource addTo(Resource configured, String instanceId, Instant start) {
    Attributes identity =
        Attributes.of(INSTANCE_ID, instanceId, CREATION_TIME, start.toString());
    // merge lets the updating resource win: what is configured overrides the generated values
    return Resource.create(identity).merge(configured);
  }

  private static Instant processStart() {
    return ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
  }
}
