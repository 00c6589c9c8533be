package dev.perfagent.agent.readonly;

import org.objectweb.asm.tree.analysis.Value;

/**
 * A value in the analysed method's frames: its size in slots and whether it is an object the method
 * itself created (a new object or array), which is the only kind it may write into.
 */
final class Fresh implements Value {
  static final Fresh ONE = new Fresh(1, false);
  static final Fresh TWO = new Fresh(2, false);
  static final Fresh NEW = new Fresh(1, true);

  private final int size;
  final boolean created;

  private Fresh(int size, boolean created) {
    this.size = size;
    this.created = created;
  }

  static Fresh ofSize(int size) {
    return size == 2 ? TWO : ONE;
  }

  @Override
  public int getSize() {
    return size;
  }

  Fresh merge(Fresh other) {
    return created && other.created && size == other.size ? this : ofSize(size);
  }
}
