package dev.perfagent.report;

/** Calls of one operation or tree node: durations (microseconds), self time and errors. */
public final class Timing {
  private final Distribution durations;
  private long selfMicros;
  private long errors;

  Timing(long seed) {
    this.durations = new Distribution(seed);
  }

  void add(long durationMicros, long selfMicros, boolean error) {
    durations.add(durationMicros);
    this.selfMicros += selfMicros;
    if (error) {
      errors++;
    }
  }

  public Distribution durations() {
    return durations;
  }

  public long count() {
    return durations.count();
  }

  public long totalMicros() {
    return durations.total();
  }

  /** Time spent in the calls themselves, not in their recorded children. */
  public long selfMicros() {
    return selfMicros;
  }

  public long errors() {
    return errors;
  }

  public double errorRate() {
    return count() == 0 ? 0 : (double) errors / count();
  }
}
