package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.perfagent.bootstrap.FlowingValues;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The flow-down values a metric records are capped per metric, beyond the cap per key. */
class FlowDimensionsTest {
  private static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey("account");
  private static final AttributeKey<String> NAME = AttributeKey.stringKey("perf_agent.span.name");

  @Test
  void aMetricKeepsItsFirstSeriesWithFlowingValuesAndRecordsFurtherOnesAsOther() {
    List<String> warnings = new ArrayList<>();
    FlowDimensions dimensions = new FlowDimensions(warnings::add);
    Set<Attributes> recorded = new HashSet<>();
    int names = 20;
    for (int account = 0; account < FlowDimensions.MAX_VALUES; account++) {
      Attributes flowed = Attributes.of(ACCOUNT, "acct-" + account);
      for (int name = 0; name < names; name++) {
        Attributes point = flowed.toBuilder().put(NAME, "span " + name).build();
        recorded.add(dimensions.capped("m", point, flowed));
      }
    }
    // the first MAX_SERIES as they came, then the 20 names each with OTHER
    assertEquals(FlowDimensions.MAX_SERIES + names, recorded.size());
    assertEquals(FlowDimensions.MAX_VALUES * names - FlowDimensions.MAX_SERIES, dimensions.overflow().sum());
    assertEquals(List.of("metric m has 1000 series with flow-down values; it records further flow-down values as "
        + "_OTHER (spans keep them)"), warnings);
    Attributes known = Attributes.of(ACCOUNT, "acct-0", NAME, "span 0");
    assertEquals(known, dimensions.capped("m", known, Attributes.of(ACCOUNT, "acct-0")), "a known series stays");
    Attributes other = Attributes.of(ACCOUNT, "acct-0", NAME, "span 0");
    assertEquals(other, dimensions.capped("another", other, Attributes.of(ACCOUNT, "acct-0")), "per metric");
    Attributes plain = Attributes.of(NAME, "no flow");
    assertEquals(plain, dimensions.capped("m", plain, Attributes.empty()), "no flowing value: no cap");
  }

  @Test
  void aRefusedPointIsRecordedAsOtherAndCountedEachTime() {
    FlowDimensions dimensions = new FlowDimensions(w -> {});
    for (int account = 0; account < FlowDimensions.MAX_SERIES; account++) {
      dimensions.capped("m", Attributes.of(ACCOUNT, "acct-" + account), Attributes.of(ACCOUNT, "acct-" + account));
    }
    Attributes late = Attributes.of(ACCOUNT, "late", NAME, "span");
    Attributes asOther = Attributes.of(ACCOUNT, FlowDimensions.OTHER, NAME, "span");
    for (int i = 1; i <= 3; i++) {
      assertEquals(asOther, dimensions.capped("m", late, Attributes.of(ACCOUNT, "late")));
      assertEquals(i, dimensions.overflow().sum());
    }
    assertEquals(late, dimensions.capped("another", late, Attributes.of(ACCOUNT, "late")), "refused by m only");
    assertEquals(Attributes.of(ACCOUNT, "late", NAME, FlowDimensions.OTHER),
        dimensions.capped("m", late, Attributes.of(NAME, "span")), "the same point, another key flowed down");
  }

  @Test
  void theDimensionsOfOneFlowAreMadeOnceTheSpansOwnValueStillWinsAndRefusalsAreCountedPerSpan() {
    FlowDimensions dimensions = new FlowDimensions(w -> {});
    for (int account = 0; account < FlowDimensions.MAX_VALUES; account++) {
      FlowingValues flowing = flow("acct-" + account);
      assertEquals(Attributes.of(ACCOUNT, "acct-" + account),
          dimensions.of(flowing, Attributes.of(ACCOUNT, "acct-" + account, NAME, "s"), true));
    }
    FlowingValues late = flow("late");
    Attributes first = dimensions.of(late, Attributes.of(ACCOUNT, "late"), true);
    assertEquals(Attributes.of(ACCOUNT, FlowDimensions.OTHER), first);
    assertSame(first, dimensions.of(late, Attributes.of(ACCOUNT, "late"), true), "made once");
    assertEquals(2L, dimensions.overflow().sum(), "but counted for each span");
    assertEquals(Attributes.of(ACCOUNT, "acct-7"), dimensions.of(late, Attributes.of(ACCOUNT, "acct-7"), false),
        "a span with its own value for the key");
    assertEquals(Attributes.empty(), dimensions.of(null, Attributes.of(ACCOUNT, "acct-7"), true));
  }

  private static FlowingValues flow(String account) {
    return FlowingValues.over(null, new String[] {ACCOUNT.getKey()}, new Object[] {account});
  }
}
