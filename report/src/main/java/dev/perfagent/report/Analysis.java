package dev.perfagent.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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
  private final String byAttribute;

  private Analysis(boolean merge, int slowest, String byAttribute) {
    this.merge = merge;
    this.slowest = slowest;
    this.folder = new TraceFolder(byAttribute);
    this.byAttribute = byAttribute;
  }

  static Analysis read(List<String> paths, boolean merge, int slowest, String byAttribute) {
    return read(paths, merge, slowest, byAttribute, null, false);
  }

  /** {@code progressTo}: where a progress line goes while a large input is read on a {@code terminal}. */
  static Analysis read(List<String> paths, boolean merge, int slowest, String byAttribute, PrintStream progressTo,
      boolean terminal) {
    Analysis a = new Analysis(merge, slowest, byAttribute);
    a.readAll(paths, progressTo, terminal);
    return a;
  }

  private void readAll(List<String> paths, PrintStream progressTo, boolean terminal) {
    if (merge) {
      merged = new RunReport(null, slowest, byAttribute);
    }
    TraceAssembler assembler = new TraceAssembler(this::fold);
    OtlpJsonLines reader = new OtlpJsonLines(runs, problems);
    List<Path> files = Inputs.expand(paths, problems);
    Progress progress = new Progress(progressTo, progressTo == null ? 0 : size(files), terminal);
    for (Path file : files) {
      spans += reader.read(file, span -> {
        span.run.saw(span);
        assembler.add(span);
      }, progress::advance);
    }
    progress.finish();
    assembler.finish();
    if (merge) {
      merged.run(RunInfo.merged(runs.inOrder()));
    }
  }

  private static long size(List<Path> files) {
    long bytes = 0;
    for (Path f : files) {
      try {
        bytes += Files.size(f);
      } catch (IOException e) {
        // the reader says why it cannot read it
      }
    }
    return bytes;
  }

  private void fold(Trace trace) {
    RunReport report = merge
        ? merged
        : reports.computeIfAbsent(trace.spans.get(0).run.id(),
            id -> new RunReport(trace.spans.get(0).run, slowest, byAttribute));
    folder.fold(trace, report);
  }
}
