package dev.perfagent.agent.export;

import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A batch's spans by resource, then by scope, both by identity as the SDK's OTLP marshallers group
 * them, in the order they first appear (the SDK's order of several resources or scopes is its
 * identity hash map's). Reused between batches; not thread-safe.
 */
final class SpanGroups {
  private final List<ByResource> resources = new ArrayList<>();

  /** The batch's resources, each with its scopes; valid until {@link #clear}. */
  List<ByResource> group(Collection<? extends SpanData> spans) {
    ByScope last = null;
    for (SpanData span : spans) {
      Resource resource = span.getResource();
      InstrumentationScopeInfo scope = span.getInstrumentationScopeInfo();
      if (last == null || last.resource != resource || last.scope != scope) {
        last = find(resource, scope, spans.size());
      }
      last.spans.add(span);
    }
    return resources;
  }

  /** Forgets the batch: no span is kept past its batch, also when one could not be written. */
  void clear() {
    resources.clear();
  }

  /** A batch's first group is sized for the whole batch: the agent's spans all have one resource and scope. */
  private ByScope find(Resource resource, InstrumentationScopeInfo scope, int batchSize) {
    ByResource byResource = null;
    for (ByResource r : resources) {
      if (r.resource == resource) {
        byResource = r;
        break;
      }
    }
    if (byResource == null) {
      byResource = new ByResource(resource);
      resources.add(byResource);
    }
    for (ByScope s : byResource.scopes) {
      if (s.scope == scope) {
        return s;
      }
    }
    ByScope created = new ByScope(resource, scope, resources.size() == 1 && byResource.scopes.isEmpty() ? batchSize : 10);
    byResource.scopes.add(created);
    return created;
  }

  /** The spans of one resource, by scope. */
  static final class ByResource {
    final Resource resource;
    final List<ByScope> scopes = new ArrayList<>();

    ByResource(Resource resource) {
      this.resource = resource;
    }
  }

  /** The spans of one resource and scope. */
  static final class ByScope {
    final Resource resource;
    final InstrumentationScopeInfo scope;
    final List<SpanData> spans;

    ByScope(Resource resource, InstrumentationScopeInfo scope, int capacity) {
      this.resource = resource;
      this.scope = scope;
      this.spans = new ArrayList<>(capacity);
    }
  }
}
