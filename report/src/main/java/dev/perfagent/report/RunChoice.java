package dev.perfagent.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Picks a run by id or id prefix, or says why it cannot. */
final class RunChoice {
  private RunChoice() {}

  static RunInfo find(Runs runs, String id) throws Args.UsageError {
    List<String> ambiguous = new ArrayList<>();
    Optional<RunInfo> run = runs.find(id, ambiguous);
    if (run.isPresent() && run.get().spans() > 0) {
      return run.get();
    }
    if (!ambiguous.isEmpty()) {
      throw new Args.UsageError("run id '" + id + "' matches " + String.join(", ", ambiguous) + "; give more of it");
    }
    List<String> known = new ArrayList<>();
    runs.inOrder().forEach(r -> known.add(r.shortId()));
    throw new Args.UsageError("no run '" + id + "' in the input; the runs are " + String.join(", ", known));
  }
}
