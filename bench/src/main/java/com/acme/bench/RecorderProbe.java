package com.acme.bench;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * perf-agent's public hot-path counters ({@code dev.perfagent.bootstrap.RecorderStats}, on the
 * bootstrap class path when the agent runs), found by reflection so that this module does not
 * depend on the agent: whichever of {@link #WANTED} exist. Absent under no agent or another agent.
 */
final class RecorderProbe {
  static final String[] WANTED = {"DROPPED", "BELOW_MIN_DURATION", "RECORDED"};

  final String[] names;
  private final LongAdder[] adders;

  private RecorderProbe(String[] names, LongAdder[] adders) {
    this.names = names;
    this.adders = adders;
  }

  static RecorderProbe find() {
    Class<?> stats;
    try {
      stats = Class.forName("dev.perfagent.bootstrap.RecorderStats", false, null);
    } catch (Throwable notThere) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<LongAdder> adders = new ArrayList<>();
    for (String name : WANTED) {
      try {
        Field f = stats.getField(name);
        if (f.get(null) instanceof LongAdder) {
          names.add(name);
          adders.add((LongAdder) f.get(null));
        }
      } catch (Throwable notThisOne) {
        // the agent changed: report what is there
      }
    }
    return names.isEmpty() ? null
        : new RecorderProbe(names.toArray(new String[0]), adders.toArray(new LongAdder[0]));
  }

  long[] read() {
    long[] values = new long[adders.length];
    for (int i = 0; i < adders.length; i++) {
      values[i] = adders[i].sum();
    }
    return values;
  }
}
