package dev.perfagent.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the inputs once, streaming, into one {@link RunReport} per run, or one for all runs
 * together ({@code merge}).
 */
final class Analysis {
  final Runs runs = new Runs();
  final Problems problems = new Problems();
  final Map<String, RunReport> reports = new LinkedHashMap<>();
  RunReport merged;
  long spans;

  private final boolean merge;
  private final int slowest;
  private final TraceFolder folder;

  private Analysis(boolean merge, int slowest, String byAttribute) {
    this.merge = merge;
    this.slowest = slowest;
    this.folder = new TraceFolder(byAttribute);
  }

  static Analysis read(List<String> paths, boolean merge, int slowest, String byAttribute) {
    Analysis a = new Analysis(merge, slowest, byAttribute);
    a.readAll(paths);
    return a;
  }

  private void readAll(List<String> paths) {
    if (merge) {
      merged = new RunReport(null, slowest);
    }
    TraceAssembler assembler = new TraceAssembler(this::fold);
    OtlpJsonLines reader = new OtlpJsonLines(runs, problems);
    for (Path file : Inputs.expand(paths, problems)) {
      spans += reader.read(file, span -> {
        span.run.saw(span);
        assembler.add(span);
      });
    }
    assembler.finish();
    if (merge) {
      merged.run(RunInfo.merged(runs.inOrder()));
    }
  }

  private void fold(Trace trace) {
    RunReport report = merge
        ? merged
        : reports.computeIfAbsent(trace.spans.get(0).run.id(), id -> new RunReport(trace.spans.get(0).run, slowest));
    folder.fold(trace, report);
  }
}
