package dev.perfagent.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

class WeaveFailuresTest {
  @Test
  void aMissingClassIsSaidInTheUsersTermsWithItsName() {
    assertEquals(
        "a class it refers to is missing from its class path (Cannot resolve type description for org.example.Gone)",
        WeaveFailures.describe(new TypePool.Resolution.NoSuchTypeException("org.example.Gone")));
  }

  @Test
  void otherCausesKeepTheirType() {
    assertEquals("java.lang.IllegalStateException: no", WeaveFailures.describe(new IllegalStateException("no")));
  }
}
