package dev.perfagent.config;

/** Which of the nested calls of a pointcut's group record a span ({@code nesting:} key, case-insensitive). */
public enum Nesting {
  /** Every call (the default). */
  ALL,
  /** Only the outermost call of the group on a thread; calls of the group nested inside it record nothing. */
  OUTERMOST
}
