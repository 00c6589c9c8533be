package dev.perfagent.agent.plan;

import dev.perfagent.bootstrap.JdbcNotes;
import dev.perfagent.bootstrap.PointcutPlan;
import dev.perfagent.bootstrap.ValueReader;
import dev.perfagent.config.Capture;
import dev.perfagent.config.Extractor;
import dev.perfagent.config.Mode;
import dev.perfagent.config.Pointcut;
import dev.perfagent.config.PropertyPath;
import dev.perfagent.config.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A configured pointcut with the numbers the runtime needs: which arguments the advice
 * hands to the recorder (at most three, in slots a, b, c), whether it reads the return value, and
 * the distinct property paths read per call (captures and span-name placeholders), by index.
 */
public final class CompiledPointcut {
  public static final int MAX_ARGUMENT_SLOTS = 3;

  private final Pointcut config;
  private final int[] argumentSlots;
  private final boolean readsReturn;
  private final List<PropertyPath> values;
  private final int aggregateSlot;
  private final int nestingGroup;
  /** By {@code PointcutPlan.END_*}. */
  private final PointcutPlan[] plans;

  /**
   * @param aggregateSlot the slot of an aggregate-mode pointcut in its parent's counters, else -1
   * @param nestingGroup the number of its nesting group with {@code nesting: outermost}, else -1
   */
  CompiledPointcut(Pointcut config, int aggregateSlot, int nestingGroup) {
    this.config = config;
    this.aggregateSlot = aggregateSlot;
    this.nestingGroup = nestingGroup;
    List<PropertyPath> distinct = new ArrayList<>();
    List<Integer> arguments = new ArrayList<>();
    boolean returnRead = false;
    Extractor extractor = config.extractor().orElse(null);
    if (extractor != null && extractor.readsCall()) {
      // the extractor's arguments come first, in slot a (and b, c): the URL or SQL in arg0, a
      // wrapper's wrapped object in any of the first three
      int read = extractor == Extractor.JDBC_WRAPPER ? MAX_ARGUMENT_SLOTS : 1;
      for (int i = 0; i < read; i++) {
        arguments.add(i);
      }
      // what is noted goes on the returned object; a jdbc span's batch size is the length of the
      // array executeBatch returns
      returnRead = true;
    }
    for (PropertyPath path : config.allPaths()) {
      if (!distinct.contains(path)) {
        distinct.add(path);
      }
      if (path.root() == PropertyPath.Root.ARG && !arguments.contains(path.argIndex())) {
        arguments.add(path.argIndex());
      }
      returnRead |= path.root() == PropertyPath.Root.RETURN;
    }
    if (arguments.size() > MAX_ARGUMENT_SLOTS) {
      throw new IllegalArgumentException(
          "pointcut '" + config.name() + "' reads " + arguments.size()
              + " different arguments; at most " + MAX_ARGUMENT_SLOTS + " are supported");
    }
    this.argumentSlots = arguments.stream().mapToInt(Integer::intValue).toArray();
    this.readsReturn = returnRead;
    this.values = Collections.unmodifiableList(distinct);
    this.plans =
        aggregate()
            ? new PointcutPlan[] {PointcutPlan.aggregate(aggregateSlot)}
            : notes()
            ? new PointcutPlan[] {PointcutPlan.note(noteKind(extractor))}
            : extractor != null && extractor.guards()
            ? new PointcutPlan[] {PointcutPlan.guard(nestingGroup)}
            : new PointcutPlan[] {
              buildPlan(PointcutPlan.END_AT_EXIT), buildPlan(PointcutPlan.END_ON_COMPLETION),
              buildPlan(PointcutPlan.END_ON_CLOSE), buildPlan(PointcutPlan.END_ON_CALLBACK)
            };
  }

  public Pointcut config() {
    return config;
  }


  public boolean aggregate() {
    return config.mode() == Mode.AGGREGATE;
  }

  /** True when the pointcut records no span but notes a value ({@code extract: jdbc.connection} ...). */
  public boolean notes() {
    return config.extractor().map(Extractor::notes).orElse(false);
  }

  private static int noteKind(Extractor extractor) {
    switch (extractor) {
      case JDBC_CONNECTION:
        return JdbcNotes.CONNECTION;
      case JDBC_STATEMENT:
        return JdbcNotes.STATEMENT;
      case JDBC_POOL_METRICS:
        return JdbcNotes.POOL_METRICS;
      case JDBC_TRANSACTION:
        return JdbcNotes.TRANSACTION;
      default:
        return JdbcNotes.WRAPPER;
    }
  }

  /**
   * The index of the recorded value that holds the {@code JdbcNote} of {@code this} (after the
   * paths' values), or -1 when the pointcut does not read one ({@code extract: jdbc}).
   */
  public int noteIndex() {
    return config.extractor().map(Extractor::readsNote).orElse(false) ? values.size() : -1;
  }

  /**
   * The index of the recorded value that holds the pool name of {@code this} data source (after the
   * paths' values), or -1 when the pointcut does not read it ({@code extract: jdbc.pool-checkout}).
   */
  public int poolNameIndex() {
    return config.extractor().map(Extractor::readsPoolName).orElse(false) ? values.size() : -1;
  }

  /**
   * The index of the recorded value that holds the length of the returned array (the batch size
   * of {@code executeBatch}), or -1 ({@code extract: jdbc}).
   */
  public int returnLengthIndex() {
    return noteIndex() < 0 ? -1 : values.size() + 1;
  }

  /** How many values one call records: the paths', then the note and the returned length, or the pool name. */
  public int valueCount() {
    return noteIndex() >= 0 ? values.size() + 2 : poolNameIndex() >= 0 ? values.size() + 1 : values.size();
  }

  /** The argument index the advice passes in slot {@code slot}, or -1 when the slot is unused. */
  public int argumentInSlot(int slot) {
    return slot < argumentSlots.length ? argumentSlots[slot] : -1;
  }

  public boolean readsReturn() {
    return readsReturn;
  }

  public List<PropertyPath> values() {
    return values;
  }

  /** The index of {@code path} among the values read per call. */
  public int valueIndex(PropertyPath path) {
    return values.indexOf(path);
  }

  /** The recorder's plan for a site of this pointcut whose span ends as {@code end} says. */
  PointcutPlan plan(int end) {
    return plans.length == 1 ? plans[0] : plans[end];
  }

  /** The slot of an aggregate-mode pointcut in its parent span's counters, else -1. */
  public int aggregateSlot() {
    return aggregateSlot;
  }

  private PointcutPlan buildPlan(int end) {
    Set<PropertyPath> ordinary = ordinaryPaths();
    Set<PropertyPath> choices = choicesOnly();
    ValueReader[] readers = new ValueReader[valueCount()];
    if (noteIndex() >= 0) {
      readers[noteIndex()] = new ValueReader(
          config.extractor().get() == Extractor.JDBC_TRANSACTION_END ? ValueReader.JDBC_TRANSACTION_END
              : ValueReader.JDBC_NOTE, new String[0]);
      readers[returnLengthIndex()] = new ValueReader(ValueReader.RETURN_LENGTH, new String[0]);
    }
    if (poolNameIndex() >= 0) {
      // unlabelled: a data source without a pool name (a driver's own) is not worth a warning
      readers[poolNameIndex()] = new ValueReader(ValueReader.THIS, new String[] {"poolName"});
    }
    for (int i = 0; i < values.size(); i++) {
      PropertyPath path = values.get(i);
      // one choice of `a | b` missing on a class is expected (another choice serves it); a path that
      // can never resolve is reported when the class is woven
      String label = choices.contains(path) ? null : "path " + path + " of pointcut '" + config.name() + "'";
      readers[i] = new ValueReader(
          source(path), path.steps().toArray(new String[0]), label, !ordinary.contains(path));
    }
    List<String> flowDown = config.flowDown();
    int[] flowValues = new int[flowDown.size()];
    for (int i = 0; i < flowValues.length; i++) {
      flowValues[i] = valueIndex(config.captures().get(flowDown.get(i)).path());
    }
    return new PointcutPlan(readers, config.minDurationNanos(), end, nestingGroup,
        flowDown.toArray(new String[0]), flowValues);
  }

  /** Whether calls hand {@code flow-down} values to the spans beneath them, read at entry. */
  public boolean flowsDown() {
    return !config.flowDown().isEmpty();
  }

  /**
   * The paths read for something other than message content: a value that is also an ordinary
   * capture or part of the span name keeps the ordinary value length.
   */
  /** The paths read only as one of several choices ({@code a | b}), nowhere on their own. */
  private Set<PropertyPath> choicesOnly() {
    Set<PropertyPath> choices = new HashSet<>();
    Set<PropertyPath> alone = new HashSet<>();
    config.captures().values().forEach(capture -> {
      boolean choice = capture.kind() == Capture.Kind.FIRST && capture.terms().size() > 1;
      (choice ? choices : alone).addAll(capture.terms());
    });
    for (Template.Part part : config.spanName().parts()) {
      if (part.kind() == Template.Part.Kind.PATH) {
        alone.add(part.path());
      }
    }
    choices.removeAll(alone);
    return choices;
  }

  private Set<PropertyPath> ordinaryPaths() {
    Set<PropertyPath> ordinary = new HashSet<>();
    config.captures().forEach((key, capture) -> {
      if (!config.capturesContent(key)) {
        ordinary.addAll(capture.terms());
      }
    });
    for (Template.Part part : config.spanName().parts()) {
      if (part.kind() == Template.Part.Kind.PATH) {
        ordinary.add(part.path());
      }
    }
    return ordinary;
  }

  private int source(PropertyPath path) {
    switch (path.root()) {
      case THIS:
        return ValueReader.THIS;
      case RETURN:
        return ValueReader.RETURN;
      case THROWN:
        return ValueReader.THROWN;
      case CHUNK:
        return ValueReader.CHUNK;
      default:
        for (int slot = 0; slot < argumentSlots.length; slot++) {
          if (argumentSlots[slot] == path.argIndex()) {
            return ValueReader.ARG_A + slot;
          }
        }
        throw new IllegalStateException("no slot for " + path.text());
    }
  }

  /** True when the span name is the same for every call (no placeholder reads a value). */
  public boolean constantName() {
    return config.spanName().parts().stream()
        .noneMatch(p -> p.kind() == Template.Part.Kind.PATH
            || p.kind() == Template.Part.Kind.ATTRIBUTE && config.captures().containsKey(p.literal()));
  }
}
