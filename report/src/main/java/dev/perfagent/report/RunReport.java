package dev.perfagent.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Everything the report says about one run (or several merged): the data model the terminal, JSON
 * CSV and HTML renderers read. Filled trace by trace by {@link TraceFolder};
 * its size depends on the number of distinct operations, never on the number of spans.
 */
public final class RunReport {
  /** The breakdown's top node for spans whose parent is not in the input. */
  static final String DETACHED = "(parent not in the input)";
  static final int MAX_SERIAL_RUNS = 1_000;
  /** How many values of {@code --by}'s attribute get a row of their own; the rest are counted together. */
  static final int MAX_BY_VALUES = 1_000;
  static final String NO_VALUE = "(none)";
  static final String OTHER_VALUES = "(other values)";

  private RunInfo run;
  private final int slowestKept;
  private final String by;
  private final Map<String, ModelUsage> llmByValue = new LinkedHashMap<>();
  private final BreakdownNode breakdown = new BreakdownNode("", 0);
  private final Map<String, OperationStats> operations = new LinkedHashMap<>();
  private final Map<String, RootOperation> roots = new LinkedHashMap<>();
  private final Map<String, ModelUsage> models = new LinkedHashMap<>();
  private final PriorityQueue<SlowTrace> slowest =
      new PriorityQueue<>(Comparator.comparingLong(SlowTrace::durationMicros));
  private final Map<String, SerialCalls.Run> serialRuns = new LinkedHashMap<>();
  private long traces;

  RunReport(RunInfo run, int slowestKept) {
    this(run, slowestKept, null);
  }

  /** {@code by}: the attribute the LLM calls are also counted by (null: none). */
  RunReport(RunInfo run, int slowestKept, String by) {
    this.run = run;
    this.slowestKept = slowestKept;
    this.by = by;
  }

  public RunInfo run() {
    return run;
  }

  /** For a merged report: the runs' figures are known only once all are read. */
  void run(RunInfo merged) {
    this.run = merged;
  }

  /** The invisible top of the breakdown tree: its children are the root operations. */
  public BreakdownNode breakdown() {
    return breakdown;
  }

  /** Every span name, in the order first met. */
  public Collection<OperationStats> operations() {
    return Collections.unmodifiableCollection(operations.values());
  }

  public Collection<RootOperation> roots() {
    return Collections.unmodifiableCollection(roots.values());
  }

  /** Per provider and model, in the order first met. */
  public Collection<ModelUsage> models() {
    return Collections.unmodifiableCollection(models.values());
  }

  /** The slowest root operations, slowest first. */
  public List<SlowTrace> slowest() {
    List<SlowTrace> list = new ArrayList<>(slowest);
    list.sort(Comparator.comparingLong(SlowTrace::durationMicros).reversed());
    return list;
  }

  public long traces() {
    return traces;
  }

  public List<Finding> findings() {
    return Findings.of(this);
  }

  /** The attribute of {@code --by}, or null. */
  public String by() {
    return by;
  }

  /** The LLM calls per value of {@link #by()}'s attribute, by value. */
  public Collection<ModelUsage> llmByValue() {
    return Collections.unmodifiableCollection(new TreeMap<>(llmByValue).values());
  }

  ModelUsage llmByValue(String value) {
    String v = value == null ? NO_VALUE
        : llmByValue.containsKey(value) || llmByValue.size() < MAX_BY_VALUES ? value : OTHER_VALUES;
    return llmByValue.computeIfAbsent(v, k -> new ModelUsage("", k));
  }

  OperationStats operation(String name) {
    return operations.computeIfAbsent(name, OperationStats::new);
  }

  OperationStats existingOperation(String name) {
    return operations.get(name);
  }

  RootOperation root(String name) {
    return roots.computeIfAbsent(name, RootOperation::new);
  }

  ModelUsage model(String provider, String model) {
    return models.computeIfAbsent(provider + "\u0000" + model, k -> new ModelUsage(provider, model));
  }

  /** Sibling calls that ran one after another and could overlap, in the order first met. */
  public Collection<SerialCalls.Run> serialRuns() {
    return Collections.unmodifiableCollection(serialRuns.values());
  }

  /** Null once {@link #MAX_SERIAL_RUNS} different sequences are kept: memory stays bounded. */
  SerialCalls.Run serialRun(String parent, List<String> calls) {
    String key = parent + '\u0000' + String.join("\u0001", calls);
    SerialCalls.Run run = serialRuns.get(key);
    if (run == null && serialRuns.size() < MAX_SERIAL_RUNS) {
      run = new SerialCalls.Run(parent, calls);
      serialRuns.put(key, run);
    }
    return run;
  }

  void traceDone() {
    traces++;
  }

  void offerSlow(SlowTrace trace) {
    if (slowestKept == 0) {
      return;
    }
    slowest.add(trace);
    if (slowest.size() > slowestKept) {
      slowest.poll();
    }
  }
}
