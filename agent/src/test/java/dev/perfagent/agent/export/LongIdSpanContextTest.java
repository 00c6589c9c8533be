package dev.perfagent.agent.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The agent's span context against the API's of the same ids: the same in every way the API shows. */
class LongIdSpanContextTest {
  private static final long[] HOSTILE = {1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xff, 0x0123456789abcdefL, 0};

  @Test
  void isTheApisContextOfTheSameIds() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1_000; i++) {
      long high = i < HOSTILE.length ? HOSTILE[i] : random.nextLong();
      long low = i < HOSTILE.length ? HOSTILE[HOSTILE.length - 1 - i] | 1 : random.nextLong();
      long span = i < HOSTILE.length ? HOSTILE[(i + 2) % HOSTILE.length] | 2 : random.nextLong() | 1;
      LongIdSpanContext ours = new LongIdSpanContext(high, low, span);
      SpanContext api = SpanContext.create(
          TraceId.fromLongs(high, low), SpanId.fromLong(span), TraceFlags.getSampled(), TraceState.getDefault());
      assertSame(api, ours);
      assertSame(api, ours); // the hex strings, now made, again
    }
  }

  @Test
  void aContextOfTheSameTraceKeepsTheTraceAndDiffersByTheSpan() {
    LongIdSpanContext child = new LongIdSpanContext(5, 6, 7);
    LongIdSpanContext parent = child.sameTrace(8);
    assertEquals(child.getTraceId(), parent.getTraceId());
    assertEquals(SpanId.fromLong(8), parent.getSpanId());
    assertNotEquals(child, parent);
    assertNotEquals(child, SpanContext.create(child.getTraceId(), child.getSpanId(), TraceFlags.getDefault(),
        TraceState.getDefault()), "another flag");
    assertNotEquals(child, SpanContext.createFromRemoteParent(child.getTraceId(), child.getSpanId(),
        TraceFlags.getSampled(), TraceState.getDefault()), "remote");
    Set<SpanContext> contexts = new HashSet<>();
    contexts.add(SpanContext.create(child.getTraceId(), child.getSpanId(), TraceFlags.getSampled(),
        TraceState.getDefault()));
    assertTrue(contexts.contains(new LongIdSpanContext(5, 6, 7)));
  }

  private static void assertSame(SpanContext api, LongIdSpanContext ours) {
    assertEquals(api.getTraceId(), ours.getTraceId());
    assertEquals(api.getSpanId(), ours.getSpanId());
    assertArrayEquals(api.getTraceIdBytes(), ours.getTraceIdBytes());
    assertArrayEquals(api.getSpanIdBytes(), ours.getSpanIdBytes());
    assertEquals(api.getTraceFlags(), ours.getTraceFlags());
    assertEquals(api.getTraceState(), ours.getTraceState());
    assertEquals(api.isSampled(), ours.isSampled());
    assertEquals(api.isRemote(), ours.isRemote());
    assertEquals(api.isValid(), ours.isValid());
    assertEquals(api, ours);
    assertEquals(ours, api);
    assertEquals(api.hashCode(), ours.hashCode());
    assertEquals(api.toString(), ours.toString());
  }
}
