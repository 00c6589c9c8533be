package dev.perfagent.report;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runs found in the input, by {@code service.instance.id}. */
final class Runs {
  private final Map<String, RunInfo> byId = new LinkedHashMap<>();

  RunInfo of(String instanceId, String service, String creationTime) {
    String id = instanceId == null || instanceId.isEmpty() ? RunInfo.UNIDENTIFIED : instanceId;
    return byId.computeIfAbsent(id, k -> new RunInfo(k, service == null ? "" : service, instant(creationTime)));
  }

  /** The runs with spans, oldest first. */
  List<RunInfo> inOrder() {
    List<RunInfo> runs = new ArrayList<>();
    for (RunInfo r : byId.values()) {
      if (r.spans() > 0) {
        runs.add(r);
      }
    }
    runs.sort(Comparator.comparing(RunInfo::began, Comparator.nullsFirst(Comparator.naturalOrder())));
    return runs;
  }

  /** The run whose id is {@code idOrPrefix} or starts with it, if exactly one does. */
  Optional<RunInfo> find(String idOrPrefix, List<String> ambiguous) {
    RunInfo exact = byId.get(idOrPrefix);
    if (exact != null) {
      return Optional.of(exact);
    }
    List<RunInfo> matches = new ArrayList<>();
    for (RunInfo r : inOrder()) {
      if (r.id().startsWith(idOrPrefix)) {
        matches.add(r);
      }
    }
    if (matches.size() > 1) {
      matches.forEach(r -> ambiguous.add(r.id()));
      return Optional.empty();
    }
    return matches.stream().findFirst();
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
