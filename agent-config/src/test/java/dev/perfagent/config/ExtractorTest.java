package dev.perfagent.config;

import static dev.perfagent.config.Yaml.pointcut;
import static dev.perfagent.config.Yaml.pointcutProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code extract} key: its values, and the keys that cannot go with them. */
class ExtractorTest {
  @Test
  void readsEveryExtractor() {
    assertEquals(Extractor.JDBC_STATEMENT, pointcut("extract: jdbc.statement").extractor().orElseThrow());
    assertEquals(Extractor.JDBC, pointcut("extract: JDBC", "kind: client").extractor().orElseThrow());
    assertEquals(Extractor.JDBC_GUARD,
        pointcut("extract: jdbc.guard", "nesting: outermost", "group: g").extractor().orElseThrow());
    assertTrue(pointcut().extractor().isEmpty());
    assertTrue(Extractor.JDBC_WRAPPER.notes());
    assertTrue(Extractor.JDBC_GUARD.guards());
  }

  @Test
  void aPoolCheckoutIsASpanOfItsOwnNameThatReadsNoArgument() {
    Pointcut checkout = pointcut("extract: jdbc.pool-checkout", "span: \"{class}.getConnection\"", "nesting: outermost");
    assertEquals(Extractor.JDBC_POOL_CHECKOUT, checkout.extractor().orElseThrow());
    assertEquals("{class}.getConnection", checkout.spanName().text());
    assertTrue(Extractor.JDBC_POOL_CHECKOUT.readsPoolName());
    assertFalse(Extractor.JDBC_POOL_CHECKOUT.readsCall(), "no argument, no result");
    assertFalse(Extractor.JDBC_POOL_CHECKOUT.notes());
    assertFalse(Extractor.JDBC_POOL_CHECKOUT.guards());
  }

  @Test
  void unknownExtractorIsNamedWithAHint() {
    assertEquals(List.of("t.yaml:5:14: extract: invalid value 'jdbc.statment'; expected one of: jdbc.connection,"
            + " jdbc.statement, jdbc.wrapper, jdbc.pool-metrics, jdbc.transaction, jdbc, jdbc.transaction-end, jdbc.pool-checkout, jdbc.guard; did you mean 'jdbc.statement'?"),
        pointcutProblems("extract: jdbc.statment"));
  }

  @Test
  void anExtractorThatNotesRecordsNoSpan() {
    assertEquals(List.of(
        "t.yaml:6:5: 'span' cannot be used with extract: jdbc.connection (it notes a value and records no span)",
        "t.yaml:7:5: 'capture' cannot be used with extract: jdbc.connection (it notes a value and records no span)"),
        pointcutProblems("extract: jdbc.connection", "span: x", "capture: {a: arg0}"));
  }

  @Test
  void aGuardNeedsItsGroupAndRecordsNoSpan() {
    assertEquals(List.of("t.yaml:5:5: extract: jdbc.guard needs nesting: outermost and the group it opens"),
        pointcutProblems("extract: jdbc.guard"));
    assertEquals(List.of(
        "t.yaml:6:5: 'kind' cannot be used with extract: jdbc.guard (it only opens its nesting group and records no span)"),
        pointcutProblems("extract: jdbc.guard", "kind: client", "nesting: outermost"));
  }

  @Test
  void jdbcSpansAreNamedByTheConventions() {
    assertEquals(List.of("t.yaml:6:5: 'span' cannot be used with extract: jdbc (its spans are named as the"
            + " database conventions say)"),
        pointcutProblems("extract: jdbc", "span: x"));
  }

  @Test
  void theJdbcPresetIsOnByDefault() {
    assertTrue(Presets.NAMES.contains("jdbc"));
    assertTrue(Presets.pointcuts("jdbc").stream().anyMatch(p -> p.extractor().orElse(null) == Extractor.JDBC));
  }
}
