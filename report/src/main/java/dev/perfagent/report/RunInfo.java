package dev.perfagent.report;

import java.time.Instant;

/**
 * One run: the spans of one process start, told apart by the resource's {@code service.instance.id}
 * (the agent sets one per JVM start) and {@code process.creation.time}. Counts and times grow as the
 * run's spans are read.
 */
public final class RunInfo {
  /** The id of the spans without a {@code service.instance.id} (older files, other exporters). */
  static final String UNIDENTIFIED = "(no service.instance.id)";

  private final String id;
  private final String service;
  private final Instant processStart;
  private long spans;
  private long firstStartNanos = Long.MAX_VALUE;
  private long lastEndNanos = Long.MIN_VALUE;

  RunInfo(String id, String service, Instant processStart) {
    this.id = id;
    this.service = service;
    this.processStart = processStart;
  }

  void saw(Span span) {
    spans++;
    firstStartNanos = Math.min(firstStartNanos, span.startNanos);
    lastEndNanos = Math.max(lastEndNanos, span.endNanos);
  }

  /** A merged view of several runs, as {@code --all} reports them. */
  static RunInfo merged(Iterable<RunInfo> runs) {
    RunInfo all = new RunInfo("all", "", null);
    for (RunInfo r : runs) {
      all.spans += r.spans;
      all.firstStartNanos = Math.min(all.firstStartNanos, r.firstStartNanos);
      all.lastEndNanos = Math.max(all.lastEndNanos, r.lastEndNanos);
    }
    return all;
  }

  public String id() {
    return id;
  }

  /**
   * A generated id (a UUID) by its first 8 characters, enough to pick the run with {@code --run};
   * an id the user chose as it is.
   */
  public String shortId() {
    return id.matches("[0-9a-f]{8}-[0-9a-f-]{27}") ? id.substring(0, 8) : id;
  }

  public String service() {
    return service;
  }

  /** When the process started, if the run says so; else null. */
  public Instant processStart() {
    return processStart;
  }

  public long spans() {
    return spans;
  }

  public Instant firstSpanStart() {
    return spans == 0 ? null : instant(firstStartNanos);
  }

  public Instant lastSpanEnd() {
    return spans == 0 ? null : instant(lastEndNanos);
  }

  /** From the first span's start to the last span's end. */
  public long wallNanos() {
    return spans == 0 ? 0 : Math.max(0, lastEndNanos - firstStartNanos);
  }

  /** What orders runs in time: the process start if known, else the first span. */
  Instant began() {
    return processStart != null ? processStart : firstSpanStart();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
