package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeaveFailuresTest {
  @Test
  void aMissingClassIsSaidInTheUsersTermsWithItsName() {
    assertEquals(
        "a class it refers to is missing from its class path (org.example.Gone)",
        WeaveFailures.describe(new MissingType("org/example/Gone")));
  }

  @Test
  void otherCausesKeepTheirType() {
    assertEquals("java.lang.IllegalStateException: no", WeaveFailures.describe(new IllegalStateException("no")));
  }
}
