package dev.perfagent.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What could not be read, each message naming the file and line; the rest of the input is still
 * reported. At most {@link #SHOWN} messages are kept (a file of garbage must not flood the
 * terminal); the others are counted.
 */
public final class Problems {
  static final int SHOWN = 20;

  private final List<String> messages = new ArrayList<>();
  private int count;

  void add(String message) {
    count++;
    if (messages.size() < SHOWN) {
      messages.add(message);
    }
  }

  public List<String> messages() {
    return Collections.unmodifiableList(messages);
  }

  public int count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }
}
