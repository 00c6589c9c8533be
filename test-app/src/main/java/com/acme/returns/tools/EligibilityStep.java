package com.acme.returns.tools;

/** The outcome of one step of the eligibility decision. */
public record EligibilityStep(String step, Status status, String detail) {

  /** PASS and NOTE let the decision go on; FAIL and REVIEW stop it (REVIEW: a human decides). */
  public enum Status { PASS, NOTE, FAIL, REVIEW }

  static EligibilityStep pass(String step, String detail) {
    return new EligibilityStep(step, Status.PASS, detail);
  }

  static EligibilityStep note(String step, String detail) {
    return new EligibilityStep(step, Status.NOTE, detail);
  }

  static EligibilityStep fail(String step, String detail) {
    return new EligibilityStep(step, Status.FAIL, detail);
  }

  static EligibilityStep review(String step, String detail) {
    return new EligibilityStep(step, Status.REVIEW, detail);
  }

  public boolean passed() {
    return status == Status.PASS || status == Status.NOTE;
  }

  public boolean needsReview() {
    return status == Status.REVIEW;
  }
}
