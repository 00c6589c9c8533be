package dev.perfagent.report;

/** The commands' exit codes. */
final class Exit {
  static final int OK = 0;
  /** {@code compare --fail-on}: a significant regression over its threshold. */
  static final int REGRESSION = 1;
  static final int USAGE = 2;

  private Exit() {}
}
