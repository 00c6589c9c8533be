package com.acme.returns.support;

import java.time.LocalDate;

/** The business date of the simulation: fixed, so return windows do not depend on the wall clock. */
public final class SimulatedClock {

  public static final LocalDate TODAY = LocalDate.of(2025, 6, 16);

  private SimulatedClock() {}
}
