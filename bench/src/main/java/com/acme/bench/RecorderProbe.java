package com.acme.bench;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * perf-agent's public hot-path counters (the {@code RecorderStats} of the recorder's generation,
 * {@code dev.perfagent.bootstrap.Recorder.state().stats()}, on the bootstrap class path when the
 * agent runs), found by reflection so that this module does not depend on the agent: whichever of
 * {@link #WANTED} exist. Absent under no agent or another agent.
 */
final class RecorderProbe {
  static final String[] WANTED = {"dropped", "belowMinDuration"};

  final String[] names;
  private final LongAdder[] adders;

  private RecorderProbe(String[] names, LongAdder[] adders) {
    this.names = names;
    this.adders = adders;
  }

  static RecorderProbe find() {
    Object stats;
    try {
      Object state = Class.forName("dev.perfagent.bootstrap.Recorder", false, null).getMethod("state").invoke(null);
      stats = state.getClass().getMethod("stats").invoke(state);
    } catch (Throwable notThere) {
      return null;
    }
    List<String> names = new ArrayList<>();
    List<LongAdder> adders = new ArrayList<>();
    for (String name : WANTED) {
      try {
        Field f = stats.getClass().getField(name);
        if (f.get(stats) instanceof LongAdder) {
          names.add(name.replaceAll("([A-Z])", "_$1"));
          adders.add((LongAdder) f.get(stats));
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
