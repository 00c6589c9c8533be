package dev.perfagent.agent.readonly;

/**
 * Thrown inside the analysis at the first instruction that may change state; carries the reason and
 * the chain of calls that led there.
 */
final class Refused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Refused(String reason) {
    super(reason, null, false, false);
  }

  /** The same refusal seen from code that reached it by {@code step} ("calls X.m()"). */
  Refused via(String step) {
    return new Refused("it " + step + ", where " + getMessage());
  }
}
